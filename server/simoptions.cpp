#include "simoptions.h"

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace prego::sim {

namespace {
QString implementedText()
{
    const QStringList names = FeatureSet::implemented().names();
    return names.isEmpty() ? u"none yet"_s : names.join(u", "_s);
}

void addOptions(QCommandLineParser &p)
{
    p.setApplicationDescription(u"prego-cp-sim: the reference Prego control plane (simulated)."_s);
    p.addHelpOption();
    p.addOptions({
        {u"listen"_s, u"Loopback address to listen on (port 0 picks one)."_s, u"HOST:PORT"_s,
         u"127.0.0.1:8787"_s},
        {u"db"_s, u"SQLite database file (default: in memory)."_s, u"FILE"_s},
        {u"tokens-file"_s, u"Tokens, one per line: name role [node_id] token. '-' reads stdin."_s,
         u"FILE"_s},
        {u"demo-fleet"_s, u"Register N shared nodes (plus a dedicated trio) and simulate them."_s,
         u"N"_s},
        {u"demo-jobs"_s, u"Submit one job of each provisioning path when there are no jobs."_s},
        {u"time-scale"_s, u"Multiply pipeline stage durations by F (default 1)."_s, u"F"_s},
        {u"fail-stage"_s, u"Make STAGE fail on its first attempt (for matching tenants)."_s,
         u"STAGE[:TENANT_GLOB]"_s},
        {u"dns-external"_s, u"Skip the dns stage for matching tenants."_s, u"TENANT_GLOB"_s},
        {u"enable-sim-admin"_s, u"Enable the /sim/ admin endpoints."_s},
        {u"seed"_s, u"Seed of the fleet simulation."_s, u"N"_s},
        {u"features"_s,
         u"Optional capabilities to offer (announced by whoami): all (the default: every one this "
         u"simulator implements), none (only the Definition of Done's endpoints), or a "
         u"comma-separated list of names. Implemented: %1."_s.arg(implementedText()),
         u"LIST"_s, u"all"_s},
    });
}
} // namespace

QString SimOptions::helpText()
{
    QCommandLineParser p;
    addOptions(p);
    return p.helpText() +
           u"\nExit codes: 0 clean shutdown, 1 bad options or unusable files, 2 cannot listen.\n"_s;
}

QString SimOptions::parse(const QStringList &arguments, SimOptions *out, bool *helpRequested)
{
    QCommandLineParser p;
    addOptions(p);
    *helpRequested = false;
    if (!p.parse(arguments))
        return p.errorText();
    if (p.isSet(u"help"_s)) {
        *helpRequested = true;
        return {};
    }
    if (!p.positionalArguments().isEmpty())
        return u"unexpected argument: %1"_s.arg(p.positionalArguments().first());

    const QString listen = p.value(u"listen"_s);
    const qsizetype colon = listen.lastIndexOf(u':');
    if (colon <= 0)
        return u"--listen wants HOST:PORT"_s;
    QString host = listen.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    if (host == u"localhost")
        host = u"127.0.0.1"_s;
    bool ok = false;
    const uint port = listen.mid(colon + 1).toUInt(&ok);
    if (!ok || port > 65535)
        return u"--listen: invalid port"_s;
    if (!out->listenAddress.setAddress(host) || !out->listenAddress.isLoopback())
        return u"--listen: only loopback addresses are allowed (this is a simulator)"_s;
    out->listenPort = quint16(port);

    if (p.isSet(u"db"_s))
        out->databasePath = p.value(u"db"_s);
    if (!p.isSet(u"tokens-file"_s))
        return u"--tokens-file is required (tokens are never taken on the command line)"_s;
    out->tokensFile = p.value(u"tokens-file"_s);
    if (p.isSet(u"demo-fleet"_s)) {
        out->demoFleet = p.value(u"demo-fleet"_s).toInt(&ok);
        if (!ok || out->demoFleet < 0 || out->demoFleet > 200000)
            return u"--demo-fleet wants a number from 0 to 200000"_s;
    }
    out->demoJobs = p.isSet(u"demo-jobs"_s);
    if (p.isSet(u"time-scale"_s)) {
        out->pipeline.timeScale = p.value(u"time-scale"_s).toDouble(&ok);
        if (!ok || out->pipeline.timeScale < 0 || out->pipeline.timeScale > 100)
            return u"--time-scale wants a number from 0 to 100"_s;
    }
    static const QStringList stages{u"validate"_s,      u"resolve_host"_s, u"pulumi_up"_s,
                                    u"register_node"_s, u"dns"_s,          u"ansible"_s,
                                    u"callbacks"_s};
    const QStringList faults = p.values(u"fail-stage"_s);
    for (const QString &spec : faults) {
        const qsizetype sep = spec.indexOf(u':');
        PipelineOptions::StageFault fault{sep < 0 ? spec : spec.left(sep),
                                          sep < 0 ? QString() : spec.mid(sep + 1)};
        if (!stages.contains(fault.stage))
            return u"--fail-stage: unknown stage %1 (one of %2)"_s.arg(fault.stage,
                                                                       stages.join(u", "));
        out->pipeline.failStages.append(fault);
    }
    out->pipeline.dnsExternalGlobs = p.values(u"dns-external"_s);
    out->simAdmin = p.isSet(u"enable-sim-admin"_s);
    if (p.isSet(u"seed"_s)) {
        out->seed = p.value(u"seed"_s).toULongLong(&ok);
        if (!ok)
            return u"--seed wants a number"_s;
        out->seedGiven = true;
    }
    if (const QString error =
            FeatureSet::parse(p.value(u"features"_s), FeatureSet::implemented(), &out->features);
        !error.isEmpty())
        return error;
    return {};
}

} // namespace prego::sim
