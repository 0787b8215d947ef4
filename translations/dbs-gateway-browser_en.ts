<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>dbs::BrowseController</name>
    <message numerus="yes">
        <location filename="../ui/window/browsecontroller.cpp" line="+352"/>
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dbs::CredentialVault</name>
    <message numerus="yes">
        <location filename="../app/keychain/credentialvault.cpp" line="+96"/>
        <source>The system keychain did not answer within %n second(s); it may be locked and waiting for its password.</source>
        <translation>
            <numerusform>The system keychain did not answer within %n second; it may be locked and waiting for its password.</numerusform>
            <numerusform>The system keychain did not answer within %n seconds; it may be locked and waiting for its password.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dbs::ExporterCommand</name>
    <message numerus="yes">
        <location filename="../app/cli/exportercommand.cpp" line="+73"/>
        <source>%n account(s)</source>
        <translation>
            <numerusform>%n account</numerusform>
            <numerusform>%n accounts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n region(s)</source>
        <translation>
            <numerusform>%n region</numerusform>
            <numerusform>%n regions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dbs::FleetController</name>
    <message numerus="yes">
        <location filename="../ui/fleet/fleetcontroller.cpp" line="+132"/>
        <source>Every %n second(s)</source>
        <translation>
            <numerusform>Every second</numerusform>
            <numerusform>Every %n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Every %n minute(s)</source>
        <translation>
            <numerusform>Every minute</numerusform>
            <numerusform>Every %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+159"/>
        <source>%n gateway(s) went offline.</source>
        <translation>
            <numerusform>%n gateway went offline.</numerusform>
            <numerusform>%n gateways went offline.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n gateway(s) went stale.</source>
        <translation>
            <numerusform>%n gateway went stale.</numerusform>
            <numerusform>%n gateways went stale.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n gateway(s) went offline</source>
        <translation>
            <numerusform>%n gateway went offline</numerusform>
            <numerusform>%n gateways went offline</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n went stale</source>
        <translation>
            <numerusform>%n went stale</numerusform>
            <numerusform>%n went stale</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dbs::GatewayStatusBar</name>
    <message numerus="yes">
        <location filename="../ui/window/gatewaystatusbar.cpp" line="+75"/>
        <source>%Ln shown so far</source>
        <translation>
            <numerusform>%Ln shown so far</numerusform>
            <numerusform>%Ln shown so far</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%Ln shown</source>
        <translation>
            <numerusform>%Ln shown</numerusform>
            <numerusform>%Ln shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+45"/>
        <source>%n account(s) failed</source>
        <translation>
            <numerusform>%n account failed</numerusform>
            <numerusform>%n accounts failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n region(s) failed</source>
        <translation>
            <numerusform>%n region failed</numerusform>
            <numerusform>%n regions failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n pending</source>
        <translation>
            <numerusform>%n pending</numerusform>
            <numerusform>%n pending</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n region(s) pending</source>
        <translation>
            <numerusform>%n region pending</numerusform>
            <numerusform>%n regions pending</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dbs::HeartbeatChart</name>
    <message numerus="yes">
        <location filename="../ui/fleet/heartbeatchart.cpp" line="+116"/>
        <source>%n gateway(s) with a heartbeat %1 old; click to show only these</source>
        <translation>
            <numerusform>%n gateway with a heartbeat %1 old; click to show only it</numerusform>
            <numerusform>%n gateways with a heartbeat %1 old; click to show only these</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dbs::KeychainSecretStore</name>
    <message numerus="yes">
        <location filename="../app/keychain/keychainsecretstore.cpp" line="+98"/>
        <source>The system keychain did not answer within %n second(s); it may be locked and waiting for its password.</source>
        <translation>
            <numerusform>The system keychain did not answer within %n second; it may be locked and waiting for its password.</numerusform>
            <numerusform>The system keychain did not answer within %n seconds; it may be locked and waiting for its password.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dbs::ListCommand</name>
    <message numerus="yes">
        <location filename="../app/cli/listcommand.cpp" line="+223"/>
        <source>dbs-gateways: partial list: %n region(s) failed
</source>
        <translation>
            <numerusform>dbs-gateways: partial list: %n region failed
</numerusform>
            <numerusform>dbs-gateways: partial list: %n regions failed
</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dbs::MainWindow</name>
    <message numerus="yes">
        <location filename="../ui/window/mainwindow.cpp" line="+459"/>
        <source>Exported %Ln gateway(s) to %1</source>
        <translation>
            <numerusform>Exported %Ln gateway to %1</numerusform>
            <numerusform>Exported %Ln gateways to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dbs::RegionFailureBanner</name>
    <message numerus="yes">
        <location filename="../ui/fleet/regionfailurebanner.cpp" line="+73"/>
        <source>&lt;b&gt;%1 of %n region(s) could not be listed:&lt;/b&gt; their gateways are missing from the table.</source>
        <translation>
            <numerusform>&lt;b&gt;%1 of %n region could not be listed:&lt;/b&gt; its gateways are missing from the table.</numerusform>
            <numerusform>&lt;b&gt;%1 of %n regions could not be listed:&lt;/b&gt; their gateways are missing from the table.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>and %n more (Retry All lists them again)</source>
        <translation>
            <numerusform>and %n more (Retry All lists it again)</numerusform>
            <numerusform>and %n more (Retry All lists them again)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dbs::RegionStrip</name>
    <message numerus="yes">
        <location filename="../ui/fleet/regionstrip.cpp" line="+138"/>
        <source>%n gateway(s) in %1. Click to show only these; click again to show all.</source>
        <translation>
            <numerusform>%n gateway in %1. Click to show only these; click again to show all.</numerusform>
            <numerusform>%n gateways in %1. Click to show only these; click again to show all.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+53"/>
        <source>%n loading…</source>
        <translation>
            <numerusform>%n loading…</numerusform>
            <numerusform>%n loading…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n region(s) loading…</source>
        <translation>
            <numerusform>%n region loading…</numerusform>
            <numerusform>%n regions loading…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n without gateways</source>
        <translation>
            <numerusform>%n without gateways</numerusform>
            <numerusform>%n without gateways</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n region(s) without gateways</source>
        <translation>
            <numerusform>%n region without gateways</numerusform>
            <numerusform>%n regions without gateways</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n account(s)</source>
        <translation>
            <numerusform>%n account</numerusform>
            <numerusform>%n accounts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n region(s)</source>
        <translation>
            <numerusform>%n region</numerusform>
            <numerusform>%n regions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n loading</source>
        <translation>
            <numerusform>%n loading</numerusform>
            <numerusform>%n loading</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln gateway(s)</source>
        <translation>
            <numerusform>%Ln gateway</numerusform>
            <numerusform>%Ln gateways</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dbs::StatusFilterButton</name>
    <message numerus="yes">
        <location filename="../ui/query/statusfilterbutton.cpp" line="+77"/>
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dbs::WatchCommand</name>
    <message numerus="yes">
        <location filename="../app/cli/watchcommand.cpp" line="+138"/>
        <source>%n gateway(s)</source>
        <translation>
            <numerusform>%n gateway</numerusform>
            <numerusform>%n gateways</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n region(s)</source>
        <translation>
            <numerusform>%n region</numerusform>
            <numerusform>%n regions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dbs::timewords</name>
    <message numerus="yes">
        <location filename="../app/export/timewords.cpp" line="+29"/>
        <source>%n s ago</source>
        <translation>
            <numerusform>%n s ago</numerusform>
            <numerusform>%n s ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n day ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n days ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
</context>
</TS>
