// The Korean catalogue: complete, placeholders intact, and actually used by every class that
// shows text (a context mismatch would silently leave a class in English).
#include "agentoptions.h"
#include "cputimes.h"
#include "pushresult.h"
#include "systemreader.h"
#include "tenantcountsource.h"
#include "tokenfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTranslator>
#include <QXmlStreamReader>

#include <gtest/gtest.h>

using namespace prego::agent;
using namespace Qt::StringLiterals;

namespace {
struct Message
{
    QString context;
    QString source;
    QStringList translations; // one, or one per numerus form
    QString type;             // "unfinished", "vanished", "obsolete" or empty
};

QList<Message> readCatalogue()
{
    QFile file(QStringLiteral(PREGO_AGENT_TS_FILE));
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << PREGO_AGENT_TS_FILE;
    QXmlStreamReader xml(&file);
    QList<Message> messages;
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == "name"_L1) {
            context = xml.readElementText();
        } else if (xml.name() == "message"_L1) {
            current = Message{context, {}, {}, {}};
        } else if (xml.name() == "source"_L1) {
            current.source = xml.readElementText();
        } else if (xml.name() == "translation"_L1) {
            current.type = xml.attributes().value("type"_L1).toString();
            // Either plain text, or <numerusform> children.
            QString text;
            while (!(xml.isEndElement() && xml.name() == "translation"_L1) && !xml.atEnd()) {
                xml.readNext();
                if (xml.isStartElement() && xml.name() == "numerusform"_L1)
                    current.translations << xml.readElementText();
                else if (xml.isCharacters())
                    text += xml.text();
            }
            if (current.translations.isEmpty())
                current.translations << text;
            messages << current;
        }
    }
    EXPECT_FALSE(xml.hasError()) << xml.errorString().toStdString();
    return messages;
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression pattern(u"%(?:n|L?\\d)"_s);
    QSet<QString> found;
    auto it = pattern.globalMatch(text);
    while (it.hasNext())
        found.insert(it.next().captured());
    return found;
}

bool hasHangul(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(),
                       [](QChar c) { return c.unicode() >= 0xac00 && c.unicode() <= 0xd7a3; });
}
} // namespace

TEST(KoreanCatalogue, EveryEntryIsFinishedAndKeepsItsPlaceholders)
{
    const QList<Message> messages = readCatalogue();
    ASSERT_GT(messages.size(), 50);
    for (const Message &m : messages) {
        const std::string where = QString(m.context + u": "_s + m.source).toStdString();
        EXPECT_TRUE(m.type.isEmpty()) << "type=" << m.type.toStdString() << " for " << where;
        for (const QString &translation : m.translations) {
            EXPECT_FALSE(translation.trimmed().isEmpty()) << "untranslated: " << where;
            EXPECT_EQ(placeholders(translation), placeholders(m.source))
                << where << "\n  -> " << translation.toStdString();
        }
    }
}

// Uses the compiled catalogue the executable embeds.
TEST(KoreanCatalogue, EveryClassFindsItsTranslations)
{
    QTranslator translator;
    ASSERT_TRUE(translator.load(QStringLiteral(PREGO_AGENT_QM_FILE))) << PREGO_AGENT_QM_FILE;
    QCoreApplication::installTranslator(&translator);

    const QStringList texts{
        AgentOptions::helpText(),
        AgentOptions::parse({u"agent"_s, u"--bogus"_s}).error(), // Qt's own parser message
        AgentOptions::parse({u"agent"_s, u"--url"_s, u"http://cp.example.net"_s, u"--node-id"_s,
                             u"n"_s, u"--token-file"_s, u"/t"_s})
            .error(),
        TokenFile::read(u"/nonexistent/token"_s).error(),
        CpuTimes::parse("garbage").error(),
        SystemReader(u"/nonexistent"_s, u"/"_s).readMemoryPercent().error(),
        TenantCountSource::none().read().warning,
        PushResult::fromHttp(403, {}, {}, {}, {}, u"fsn1-shared-01"_s, {}).message,
    };
    QCoreApplication::removeTranslator(&translator);

    for (const QString &text : texts)
        EXPECT_TRUE(hasHangul(text)) << "not translated: " << text.toStdString();
}
