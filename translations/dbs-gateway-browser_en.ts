<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>dbs::GatewayStatusBar</name>
    <message numerus="yes">
        <location filename="../ui/gatewaystatusbar.cpp" line="+77"/>
        <source>%Ln shown</source>
        <translation>
            <numerusform>%Ln shown</numerusform>
            <numerusform>%Ln shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dbs::HeartbeatAge</name>
    <message numerus="yes">
        <location filename="../models/heartbeatage.cpp" line="+27"/>
        <source>%n s ago</source>
        <translation>
            <numerusform>%n s ago</numerusform>
            <numerusform>%n s ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
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
<context>
    <name>dbs::MainWindow</name>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="+337"/>
        <source>Exported %Ln gateway(s) to %1</source>
        <translation>
            <numerusform>Exported %Ln gateway to %1</numerusform>
            <numerusform>Exported %Ln gateways to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dbs::StatusFilterButton</name>
    <message numerus="yes">
        <location filename="../ui/statusfilterbutton.cpp" line="+75"/>
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dbs::keychain::CredentialVault</name>
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
    <name>dbs::keychain::KeychainSecretStore</name>
    <message numerus="yes">
        <location filename="../app/keychain/keychainsecretstore.cpp" line="+98"/>
        <source>The system keychain did not answer within %n second(s); it may be locked and waiting for its password.</source>
        <translation>
            <numerusform>The system keychain did not answer within %n second; it may be locked and waiting for its password.</numerusform>
            <numerusform>The system keychain did not answer within %n seconds; it may be locked and waiting for its password.</numerusform>
        </translation>
    </message>
</context>
</TS>
