#pragma once

#include "featureset.h"
#include "pipeline.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>

namespace prego::sim {

// The command line of prego-cp-sim (docs/cp-sim.md).
struct SimOptions
{
    QHostAddress listenAddress = QHostAddress::LocalHost;
    quint16 listenPort = 8787;
    QString databasePath = QStringLiteral(":memory:");
    QString tokensFile;
    int demoFleet = 0;
    bool demoJobs = false;
    bool simAdmin = false;
    quint64 seed = 0;
    bool seedGiven = false;
    PipelineOptions pipeline;
    FeatureSet features = FeatureSet::implemented(); // the optional capabilities this run offers

    // Returns an error message (empty on success). helpRequested is set for --help.
    static QString parse(const QStringList &arguments, SimOptions *out, bool *helpRequested);
    static QString helpText();
};

} // namespace prego::sim
