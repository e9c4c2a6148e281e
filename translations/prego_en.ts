<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>prego::AckDialog</name>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>prego::AgeText</name>
    <message numerus="yes">
        <source>%n s ago</source>
        <comment>seconds, abbreviated</comment>
        <translation>
            <numerusform>%n s ago</numerusform>
            <numerusform>%n s ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <comment>minutes, abbreviated</comment>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <comment>hours, abbreviated</comment>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <comment>duration in seconds</comment>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <comment>duration in minutes</comment>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <comment>duration in hours</comment>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <comment>duration in days</comment>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>prego::AlertCommands</name>
    <message numerus="yes">
        <source>%n alert(s)</source>
        <translation>
            <numerusform>%n alert</numerusform>
            <numerusform>%n alerts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>prego::AlertStore</name>
    <message numerus="yes">
        <source>%n stored alert(s) could not be read and were left out.</source>
        <translation>
            <numerusform>%n stored alert could not be read and was left out.</numerusform>
            <numerusform>%n stored alerts could not be read and were left out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>prego::ApiError</name>
    <message numerus="yes">
        <source>The control plane is busy (429); the console waits %n second(s) before trying again.</source>
        <translation>
            <numerusform>The control plane is busy (429); the console waits %n second before trying again.</numerusform>
            <numerusform>The control plane is busy (429); the console waits %n seconds before trying again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The control plane has a problem (HTTP %1); the console waits %n second(s) before trying again.</source>
        <translation>
            <numerusform>The control plane has a problem (HTTP %1); the console waits %n second before trying again.</numerusform>
            <numerusform>The control plane has a problem (HTTP %1); the console waits %n seconds before trying again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>prego::ConsoleApp</name>
    <message numerus="yes">
        <source>Checking %n provisioning request(s) that were sent but not answered…</source>
        <translation>
            <numerusform>Checking %n provisioning request that was sent but not answered…</numerusform>
            <numerusform>Checking %n provisioning requests that were sent but not answered…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>prego::CtlApp</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n node(s)</source>
        <translation>
            <numerusform>%n node</numerusform>
            <numerusform>%n nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stale</source>
        <translation>
            <numerusform>%n stale</numerusform>
            <numerusform>%n stale</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n never reported</source>
        <translation>
            <numerusform>%n never reported</numerusform>
            <numerusform>%n never reported</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>prego::DashboardView</name>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n node(s) shown</source>
        <translation>
            <numerusform>%1 of %n node shown</numerusform>
            <numerusform>%1 of %n nodes shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>prego::FleetNotifier</name>
    <message numerus="yes">
        <source>%n node(s) report again</source>
        <translation>
            <numerusform>%n node reports again</numerusform>
            <numerusform>%n nodes report again</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Prego: %n bound node(s) not fresh</source>
        <translation>
            <numerusform>Prego: %n bound node not fresh</numerusform>
            <numerusform>Prego: %n bound nodes not fresh</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n node(s) never reported</source>
        <translation>
            <numerusform>%n node never reported</numerusform>
            <numerusform>%n nodes never reported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n node(s) stale</source>
        <translation>
            <numerusform>%n node stale</numerusform>
            <numerusform>%n nodes stale</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 on %n node(s)</source>
        <extracomment>e.g. &quot;CPU ≥ 90 % on 2 nodes&quot;</extracomment>
        <translation>
            <numerusform>%1 on %n node</numerusform>
            <numerusform>%1 on %n nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 over its threshold on %n node(s)</source>
        <extracomment>e.g. &quot;CPU over its threshold on 2 nodes&quot;</extracomment>
        <translation>
            <numerusform>%1 over its threshold on %n node</numerusform>
            <numerusform>%1 over its threshold on %n nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 back to normal on %n node(s)</source>
        <extracomment>e.g. &quot;CPU back to normal on 2 nodes&quot;</extracomment>
        <translation>
            <numerusform>%1 back to normal on %n node</numerusform>
            <numerusform>%1 back to normal on %n nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <extracomment>the end of a notification&apos;s list of nodes: &quot;a, b, c and 4 more&quot;</extracomment>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Prego: %n alert(s) firing</source>
        <translation>
            <numerusform>Prego: %n alert firing</numerusform>
            <numerusform>Prego: %n alerts firing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Prego: %n alert(s) pending or unknown</source>
        <translation>
            <numerusform>Prego: %n alert pending or unknown</numerusform>
            <numerusform>Prego: %n alerts pending or unknown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>prego::HeatmapGrid</name>
    <message numerus="yes">
        <source>%1: %n slot(s) without a push in 24 h</source>
        <translation>
            <numerusform>%1: %n slot without a push in 24 h</numerusform>
            <numerusform>%1: %n slots without a push in 24 h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n late push(es)</source>
        <translation>
            <numerusform>%n late push</numerusform>
            <numerusform>%n late pushes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>prego::HeatmapView</name>
    <message numerus="yes">
        <source>%n node(s)</source>
        <translation>
            <numerusform>%n node</numerusform>
            <numerusform>%n nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n missed at least one slot</source>
        <translation>
            <numerusform>%n missed at least one slot</numerusform>
            <numerusform>%n missed at least one slot</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>prego::HistoryCommand</name>
    <message numerus="yes">
        <source>%n sample(s) for node %1 since %2.</source>
        <translation>
            <numerusform>%n sample for node %1 since %2.</numerusform>
            <numerusform>%n samples for node %1 since %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>prego::JobListView</name>
    <message numerus="yes">
        <source>%1 of %n job(s) shown</source>
        <translation>
            <numerusform>%1 of %n job shown</numerusform>
            <numerusform>%1 of %n jobs shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>prego::JobQueryCommands</name>
    <message numerus="yes">
        <source>%n job(s)</source>
        <translation>
            <numerusform>%n job</numerusform>
            <numerusform>%n jobs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>prego::NodeDetailView</name>
    <message numerus="yes">
        <source>%n push(es) in this range. Shaded: no push for longer than %1.</source>
        <translation>
            <numerusform>%n push in this range. Shaded: no push for longer than %1.</numerusform>
            <numerusform>%n pushes in this range. Shaded: no push for longer than %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>prego::ProvisionCommands</name>
    <message numerus="yes">
        <source>This creates %n new server(s), which cost money. Nothing was sent; run the command again with --yes to go ahead.</source>
        <translation>
            <numerusform>This creates %n new server, which costs money. Nothing was sent; run the command again with --yes to go ahead.</numerusform>
            <numerusform>This creates %n new servers, which cost money. Nothing was sent; run the command again with --yes to go ahead.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>prego::ProvisionWizard</name>
    <message numerus="yes">
        <source>Stack %1 already exists among the nodes (%n server(s)). Submitting asks the control plane for it again; it refuses to create a second one.</source>
        <translation>
            <numerusform>Stack %1 already exists among the nodes (%n server). Submitting asks the control plane for it again; it refuses to create a second one.</numerusform>
            <numerusform>Stack %1 already exists among the nodes (%n servers). Submitting asks the control plane for it again; it refuses to create a second one.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>I understand that %n new server(s) will be created and billed.</source>
        <translation>
            <numerusform>I understand that %n new server will be created and billed.</numerusform>
            <numerusform>I understand that %n new servers will be created and billed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>prego::SilenceCommands</name>
    <message numerus="yes">
        <source>One silence names at most %n node(s).</source>
        <translation>
            <numerusform>One silence names at most %n node.</numerusform>
            <numerusform>One silence names at most %n nodes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n silence(s)</source>
        <translation>
            <numerusform>%n silence</numerusform>
            <numerusform>%n silences</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>prego::SilenceDialog</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <extracomment>%1: the first node ids, then how many more are silenced</extracomment>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>prego::SilenceListModel</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <extracomment>%1: the first node ids, then how many more nodes the silence names</extracomment>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>prego::Verification</name>
    <message numerus="yes">
        <source>GET /internal/nodes answered with %n node(s).</source>
        <translation>
            <numerusform>GET /internal/nodes answered with %n node.</numerusform>
            <numerusform>GET /internal/nodes answered with %n nodes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: last push %2 (%n s)</source>
        <translation>
            <numerusform>%1: last push %2 (%n s)</numerusform>
            <numerusform>%1: last push %2 (%n s)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n bound node(s) pushed within %1.</source>
        <translation>
            <numerusform>The %n bound node pushed within %1.</numerusform>
            <numerusform>All %n bound nodes pushed within %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of %1 bound node(s) did not push within %2.</source>
        <translation>
            <numerusform>%n of %1 bound nodes did not push within %2.</numerusform>
            <numerusform>%n of %1 bound nodes did not push within %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All four values are reported by all %n bound node(s).</source>
        <translation>
            <numerusform>All four values are reported by the %n bound node.</numerusform>
            <numerusform>All four values are reported by all %n bound nodes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bound node(s) leave values empty.</source>
        <translation>
            <numerusform>%n bound node leaves values empty.</numerusform>
            <numerusform>%n bound nodes leave values empty.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>it has %n server(s) (%1) instead of app, db and redis</source>
        <translation>
            <numerusform>it has %n server (%1) instead of app, db and redis</numerusform>
            <numerusform>it has %n servers (%1) instead of app, db and redis</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n live node(s) are fresh.</source>
        <translation>
            <numerusform>The %n live node is fresh.</numerusform>
            <numerusform>All %n live nodes are fresh.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n live node(s) are not fresh.</source>
        <translation>
            <numerusform>%n live node is not fresh.</numerusform>
            <numerusform>%n live nodes are not fresh.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every bound node pushed within %1 or is under maintenance: %n excused by a silence.</source>
        <translation>
            <numerusform>Every bound node pushed within %1 or is under maintenance: %n excused by a silence.</numerusform>
            <numerusform>Every bound node pushed within %1 or is under maintenance: %n excused by a silence.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more excused by a silence.</source>
        <translation>
            <numerusform>%n more excused by a silence.</numerusform>
            <numerusform>%n more excused by a silence.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>prego::VerificationView</name>
    <message numerus="yes">
        <source>%n pass</source>
        <translation>
            <numerusform>%n pass</numerusform>
            <numerusform>%n pass</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n fail</source>
        <translation>
            <numerusform>%n fail</numerusform>
            <numerusform>%n fail</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not evaluable</source>
        <translation>
            <numerusform>%n not evaluable</numerusform>
            <numerusform>%n not evaluable</numerusform>
        </translation>
    </message>
</context>
</TS>
