<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
</TS>
