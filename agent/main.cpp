#include "agent.h"
#include "agentlanguage.h"
#include "agentlog.h"
#include "agentoptions.h"
#include "exitcode.h"
#include "metricsendpoint.h"
#include "tokenfile.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QProcessEnvironment>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

using namespace prego::agent;

namespace {
void print(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("prego-metrics-agent"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PREGO_AGENT_VERSION));
    AgentLog::install();

    QTranslator translator;
    if (AgentLanguage::choose(QCoreApplication::arguments(),
                              QProcessEnvironment::systemEnvironment()) ==
            AgentLanguage::Language::Korean &&
        translator.load(AgentLanguage::koreanCatalogue())) {
        QCoreApplication::installTranslator(&translator);
    }

    const Result<AgentOptions::Parsed> parsed = AgentOptions::parse(QCoreApplication::arguments());
    if (!parsed.ok()) {
        qCritical().noquote() << parsed.error();
        return ExitUsageError;
    }
    if (parsed.value().action == AgentOptions::Action::ShowHelp) {
        print(stdout, AgentOptions::helpText());
        return ExitOk;
    }
    if (parsed.value().action == AgentOptions::Action::ShowVersion) {
        print(stdout, AgentOptions::versionText() + u'\n');
        return ExitOk;
    }
    const AgentConfig &config = parsed.value().config;

    Result<QByteArray> token = TokenFile::read(config.tokenFile);
    if (!token.ok()) {
        qCritical().noquote() << token.error();
        return ExitUsageError;
    }
    const Result<MetricsEndpoint> endpoint =
        MetricsEndpoint::create(config.url, token.value(), config.caFile, config.timeout);
    if (!endpoint.ok()) {
        qCritical().noquote() << endpoint.error();
        return ExitUsageError;
    }

    // The one network access manager, shared by every request the agent makes.
    QNetworkAccessManager network;
    Agent agent(config, endpoint.value(), &network);
    QObject::connect(&agent, &Agent::finished, &app, &QCoreApplication::exit);
    QTimer::singleShot(0, &agent, &Agent::start);
    return QCoreApplication::exec();
}
