#include "secrets/keychaindiagnosis.h"

#include <gtest/gtest.h>

using namespace prego;
using Kind = SecretError::Kind;
using Operation = KeychainDiagnosis::Operation;
using Status = KeychainDiagnosis::Status;
using Findings = SecretServiceProbe::Findings;

namespace {

// A working, unlocked keyring with a default collection.
Findings healthy()
{
    Findings findings;
    findings.complete = true;
    findings.busConnected = true;
    findings.serviceRunning = true;
    findings.defaultCollectionExists = true;
    return findings;
}

Kind classify(Operation operation, Status status, const Findings &findings)
{
    return KeychainDiagnosis::classify(operation, status, QStringLiteral("backend"), findings).kind;
}

} // namespace

TEST(KeychainDiagnosis, SuccessfulReadsAndWritesNeedNoProbe)
{
    EXPECT_FALSE(KeychainDiagnosis::needsProbe(Operation::Read, Status::Ok));
    EXPECT_FALSE(KeychainDiagnosis::needsProbe(Operation::Write, Status::Ok));
    EXPECT_TRUE(KeychainDiagnosis::needsProbe(Operation::Remove, Status::Ok));
    EXPECT_TRUE(KeychainDiagnosis::needsProbe(Operation::Read, Status::EntryNotFound));
    EXPECT_EQ(classify(Operation::Read, Status::Ok, Findings{}), Kind::None);
}

TEST(KeychainDiagnosis, MissingEntryInAnAnsweringKeyringIsNotFound)
{
    EXPECT_EQ(classify(Operation::Read, Status::EntryNotFound, healthy()), Kind::NotFound);
}

TEST(KeychainDiagnosis, LockedKeyringIsNeverNotFound)
{
    Findings lockedDefault = healthy();
    lockedDefault.defaultCollectionLocked = true;
    EXPECT_EQ(classify(Operation::Read, Status::EntryNotFound, lockedDefault), Kind::Locked);

    Findings lockedElsewhere = healthy();
    lockedElsewhere.lockedEntryExists = true;
    EXPECT_EQ(classify(Operation::Read, Status::EntryNotFound, lockedElsewhere), Kind::Locked);
}

TEST(KeychainDiagnosis, UnansweredProbeIsNeverNotFound)
{
    Findings partial = healthy();
    partial.complete = false;
    partial.detail = QStringLiteral("org.freedesktop.DBus.Error.NoReply: timeout");
    const SecretError error = KeychainDiagnosis::classify(
        Operation::Read, Status::EntryNotFound, QStringLiteral("Entry not found"), partial);
    EXPECT_EQ(error.kind, Kind::Other);
    EXPECT_TRUE(error.detail.contains(QLatin1String("Entry not found")));
    EXPECT_TRUE(error.detail.contains(QLatin1String("NoReply")));
}

TEST(KeychainDiagnosis, NoBusAndNoServiceWinOverTheBackendError)
{
    Findings noBus;
    noBus.complete = true;
    for (const Operation operation : {Operation::Read, Operation::Write, Operation::Remove}) {
        EXPECT_EQ(classify(operation, Status::OtherError, noBus), Kind::NoDBusSession);
    }
    Findings noService;
    noService.complete = true;
    noService.busConnected = true;
    for (const Operation operation : {Operation::Read, Operation::Write, Operation::Remove}) {
        EXPECT_EQ(classify(operation, Status::EntryNotFound, noService), Kind::NoSecretService);
    }
}

TEST(KeychainDiagnosis, WriteFailures)
{
    Findings locked = healthy();
    locked.defaultCollectionLocked = true;
    EXPECT_EQ(classify(Operation::Write, Status::AccessDenied, locked), Kind::Locked);

    EXPECT_EQ(classify(Operation::Write, Status::OtherError, healthy()), Kind::WriteDenied);
    EXPECT_EQ(classify(Operation::Write, Status::AccessDenied, healthy()), Kind::WriteDenied);

    Findings noDefault = healthy();
    noDefault.defaultCollectionExists = false;
    EXPECT_EQ(classify(Operation::Write, Status::OtherError, noDefault), Kind::NoDefaultKeyring);
}

TEST(KeychainDiagnosis, ReadAccessDenied)
{
    EXPECT_EQ(classify(Operation::Read, Status::AccessDenied, healthy()), Kind::AccessDenied);
    EXPECT_EQ(classify(Operation::Read, Status::OtherError, healthy()), Kind::Other);
}

TEST(KeychainDiagnosis, RemoveIsOnlyDoneWhenNothingStaysLocked)
{
    EXPECT_EQ(classify(Operation::Remove, Status::Ok, healthy()), Kind::None);
    EXPECT_EQ(classify(Operation::Remove, Status::EntryNotFound, healthy()), Kind::None);

    Findings lockedEntry = healthy();
    lockedEntry.lockedEntryExists = true;
    EXPECT_EQ(classify(Operation::Remove, Status::Ok, lockedEntry), Kind::Locked);

    Findings lockedDefault = healthy();
    lockedDefault.defaultCollectionLocked = true;
    EXPECT_EQ(classify(Operation::Remove, Status::Ok, lockedDefault), Kind::Locked);

    Findings partial = healthy();
    partial.complete = false;
    EXPECT_EQ(classify(Operation::Remove, Status::Ok, partial), Kind::Other);

    EXPECT_EQ(classify(Operation::Remove, Status::OtherError, healthy()), Kind::WriteDenied);
}
