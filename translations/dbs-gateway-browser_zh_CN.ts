<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>InventorySnapshotFile</name>
    <message>
        <location filename="../app/fleet/inventorysnapshot.cpp" line="+75"/>
        <source>The saved inventory is not valid JSON.</source>
        <translation>保存的网关清单不是有效的 JSON。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The saved inventory has an unknown format version.</source>
        <translation>保存的网关清单格式版本未知。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The saved inventory lacks its scope, time or gateways.</source>
        <translation>保存的网关清单缺少范围、时间或网关列表。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The saved inventory holds a gateway that cannot be read.</source>
        <translation>保存的网关清单中有无法读取的网关。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Cannot create the folder for %1.</source>
        <translation>无法为 %1 创建文件夹。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot save the inventory to %1: %2.</source>
        <translation>无法将网关清单保存到 %1：%2。</translation>
    </message>
</context>
<context>
    <name>MonitoringPlugin</name>
    <message>
        <location filename="../app/cli/monitoringplugin.cpp" line="+72"/>
        <source>&quot;%1&quot; is not a threshold range (such as 10, 10:, ~:10, 10:20 or @10:20)</source>
        <translation>“%1”不是阈值范围（例如 10、10:、~:10、10:20 或 @10:20）</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>the threshold range &quot;%1&quot; ends before it starts</source>
        <translation>阈值范围“%1”的结束值小于起始值</translation>
    </message>
</context>
<context>
    <name>Region</name>
    <message>
        <location filename="../app/api/endpoints.cpp" line="+33"/>
        <source>China (Hangzhou)</source>
        <translation>华东1（杭州）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>China (Shanghai)</source>
        <translation>华东2（上海）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>China (Qingdao)</source>
        <translation>华北1（青岛）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>China (Beijing)</source>
        <translation>华北2（北京）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>China (Zhangjiakou)</source>
        <translation>华北3（张家口）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>China (Hohhot)</source>
        <translation>华北5（呼和浩特）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>China (Shenzhen)</source>
        <translation>华南1（深圳）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>China (Chengdu)</source>
        <translation>西南1（成都）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>China (Hong Kong)</source>
        <translation>中国香港</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>China East 1 Finance (Hangzhou)</source>
        <translation>华东1 金融云</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>China East 2 Finance (Shanghai)</source>
        <translation>华东2 金融云</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>China South 1 Finance (Shenzhen)</source>
        <translation>华南1 金融云</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Singapore</source>
        <translation>新加坡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Australia (Sydney)</source>
        <translation>澳大利亚（悉尼）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Malaysia (Kuala Lumpur)</source>
        <translation>马来西亚（吉隆坡）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Indonesia (Jakarta)</source>
        <translation>印度尼西亚（雅加达）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Japan (Tokyo)</source>
        <translation>日本（东京）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>India (Mumbai)</source>
        <translation>印度（孟买）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>US (Silicon Valley)</source>
        <translation>美国（硅谷）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>US (Virginia)</source>
        <translation>美国（弗吉尼亚）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Germany (Frankfurt)</source>
        <translation>德国（法兰克福）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UK (London)</source>
        <translation>英国（伦敦）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UAE (Dubai)</source>
        <translation>阿联酋（迪拜）</translation>
    </message>
</context>
<context>
    <name>ResponseParser</name>
    <message>
        <location filename="../app/api/responseparser.cpp" line="+84"/>
        <source>The service&apos;s answer has none of RequestId, TotalElements and Items.</source>
        <translation>服务返回的响应中没有 RequestId、TotalElements 和 Items 中的任何一项。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The service&apos;s answer has an Items member that is not a list.</source>
        <translation>服务返回的响应中 Items 成员不是列表。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The service&apos;s answer has an Items.BackupGateway member that is not a list.</source>
        <translation>服务返回的响应中 Items.BackupGateway 成员不是列表。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The service&apos;s answer is not valid JSON (%1 bytes).</source>
        <translation>服务返回的响应不是有效的 JSON（%1 字节）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The service answered HTTP %1 with no error details.</source>
        <translation>服务返回 HTTP %1，但没有错误详情。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The request failed with no message from the service.</source>
        <translation>请求失败，服务未返回任何消息。</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>The service&apos;s answer holds a gateway without a BackupGatewayId (row %1).</source>
        <translation>服务的应答中有一个网关缺少 BackupGatewayId（第 %1 行）。</translation>
    </message>
</context>
<context>
    <name>dbs::AccountPicker</name>
    <message>
        <location filename="../ui/query/accountpicker.cpp" line="+31"/>
        <source>Who signs: an aliyun CLI profile, an account saved in the browser, or Automatic (the environment, the keychain, then the aliyun CLI&apos;s current profile and the credentials file)</source>
        <translation>由谁签名：aliyun CLI 配置、浏览器中保存的账号，或“自动”（依次为环境变量、密钥环、aliyun CLI 的当前配置和凭据文件）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location line="+55"/>
        <location line="+52"/>
        <source>All accounts</source>
        <translation>所有账号</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>Every account at once, in one table with an Account column</source>
        <translation>同时显示每个账号，合并在一张表中，并带“账号”列</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 (%2)</source>
        <extracomment>%1 is an aliyun CLI profile&apos;s name, %2 its mode (AK, RamRoleArn, ...)</extracomment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 (saved, %2)</source>
        <extracomment>%1 is the name of an account saved in the browser, %2 its mode (AK, RamRoleArn)</extracomment>
        <translation>%1（已保存，%2）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Assumes %1 with the keys of %2</source>
        <extracomment>%1 is a role&apos;s ARN, %2 the account whose keys assume it</extracomment>
        <translation>用 %2 的密钥扮演 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An AccessKey kept in the system keychain</source>
        <translation>保存在系统密钥环中的 AccessKey</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Manage Accounts…</source>
        <translation>管理账号…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add, change or remove the accounts saved in the browser</source>
        <translation>添加、修改或删除浏览器中保存的账号</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>neither in the aliyun CLI&apos;s configuration nor saved in the browser</source>
        <translation>既不在 aliyun CLI 的配置中，也未保存在浏览器中</translation>
    </message>
</context>
<context>
    <name>dbs::AccountsDialog</name>
    <message>
        <location filename="../ui/dialogs/accountsdialog.cpp" line="+41"/>
        <source>A&amp;dd</source>
        <translation>添加(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;move</source>
        <translation>删除(&amp;M)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sa&amp;ve Account</source>
        <translation>保存账号(&amp;V)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Accounts</source>
        <translation>账号</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Access key</source>
        <translation>访问密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role in another account</source>
        <translation>其他账号中的角色</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Only for temporary (STS) credentials</source>
        <translation>仅用于临时凭据（STS）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>acs:ram::1234567890123456:role/role-name</source>
        <extracomment>an example; keep the acs:ram:: form</extracomment>
        <translation>acs:ram::1234567890123456:role/role-name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The aliyun CLI profile or saved account whose keys assume the role</source>
        <translation>用其密钥扮演该角色的 aliyun CLI 配置或已保存的账号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional; made up when empty</source>
        <translation>可选；留空时自动生成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional, e.g. cn-hangzhou; else the global endpoint</source>
        <translation>可选，例如 cn-hangzhou；否则使用全局 Endpoint</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saved &amp;accounts:</source>
        <translation>已保存的账号(&amp;A)：</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AccessKey &amp;ID:</source>
        <translation>AccessKey ID(&amp;I)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AccessKey &amp;secret:</source>
        <translation>AccessKey Secret(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>STS &amp;token:</source>
        <translation>STS 令牌(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Role ARN:</source>
        <translation>角色 ARN(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed &amp;by:</source>
        <translation>签名账号(&amp;B)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;ession name:</source>
        <translation>会话名称(&amp;E)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>STS re&amp;gion:</source>
        <translation>STS 地域(&amp;G)：</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>%1 (%2)</source>
        <extracomment>%1 is a saved account&apos;s name, %2 its mode (AK or RamRoleArn)</extracomment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Kept in the system keychain; type to replace</source>
        <translation>保存在系统密钥环中；输入新值以替换</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>saved account &quot;%1&quot;</source>
        <extracomment>where a saved account&apos;s key came from</extracomment>
        <translation>已保存的账号“%1”</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Saved &quot;%1&quot;.</source>
        <translation>已保存“%1”。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Removed &quot;%1&quot;.</source>
        <translation>已删除“%1”。</translation>
    </message>
</context>
<context>
    <name>dbs::ApiError</name>
    <message>
        <location filename="../app/api/apierror.cpp" line="+10"/>
        <source>The AccessKey secret does not match its id: check the secret (ALIBABA_CLOUD_ACCESS_KEY_SECRET, or access_key_secret in the aliyun CLI profile), or whether a proxy changed the request.</source>
        <translation>AccessKey Secret 与其 AccessKey ID 不匹配：请检查 Secret（ALIBABA_CLOUD_ACCESS_KEY_SECRET，或 aliyun CLI 配置中的 access_key_secret），或检查是否有代理改动了请求。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source> (HTTP %1)</source>
        <translation>（HTTP %1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> RequestId: %1</source>
        <translation>，RequestId：%1</translation>
    </message>
</context>
<context>
    <name>dbs::BrowseController</name>
    <message>
        <location filename="../ui/window/browsecontroller.cpp" line="+262"/>
        <source>Heartbeat %1</source>
        <translation>心跳 %1</translation>
    </message>
    <message numerus="yes">
        <location line="+90"/>
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 等另外 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No gateway in %1 has the identifier %2.</source>
        <translation>%1 中没有标识为 %2 的网关。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No gateway in %1 has any of these identifiers: %2.</source>
        <translation>%1 中没有任何网关具有这些标识：%2。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not found in %1 (%2 of %3): %4.</source>
        <translation>在 %1 中未找到（%3 个中的 %2 个）：%4。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Choose the demo or enter credentials above.</source>
        <translation>请在上方选择试用演示或输入凭据。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reading the credentials…</source>
        <translation>正在读取凭据…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The gateways could not be loaded: see the message above.</source>
        <translation>无法加载网关：请查看上方的消息。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No gateway loaded so far matches the filter; loading the remaining pages…</source>
        <translation>目前已加载的网关均不符合筛选条件；正在加载其余分页…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No gateway matches the filter.</source>
        <translation>没有符合筛选条件的网关。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Loading the gateways of %1…</source>
        <translation>正在加载 %1 的网关…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There are no backup gateways in %1.</source>
        <translation>%1 中没有备份网关。</translation>
    </message>
</context>
<context>
    <name>dbs::ChangeLogModel</name>
    <message>
        <location filename="../models/changelogmodel.cpp" line="+20"/>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Removed</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Went offline</source>
        <translation>已离线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status changed</source>
        <translation>状态变化</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Went stale</source>
        <translation>心跳超时</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back online</source>
        <translation>恢复在线</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gateway</source>
        <translation>网关</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Region</source>
        <translation>地域</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Account · Region</source>
        <translation>账号 · 地域</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>dbs::ConnectionController</name>
    <message>
        <location filename="../ui/window/connectioncontroller.cpp" line="+99"/>
        <source>Credentials: demo key pair (local simulator)</source>
        <translation>凭据：演示密钥对（本地模拟器）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Credentials: %1</source>
        <translation>凭据：%1</translation>
    </message>
</context>
<context>
    <name>dbs::CopyableField</name>
    <message>
        <location filename="../ui/widgets/copyablefield.cpp" line="+28"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+1"/>
        <source>Copy %1</source>
        <translation>复制%1</translation>
    </message>
</context>
<context>
    <name>dbs::CredentialVault</name>
    <message>
        <location filename="../app/keychain/credentialvault.cpp" line="+33"/>
        <source>Credentials are kept for this session only: %1</source>
        <translation>凭据仅保留在本次会话中：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credentials are saved in the system keychain.</source>
        <translation>凭据已保存在系统密钥环中。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Both an AccessKey ID and an AccessKey secret are needed.</source>
        <translation>AccessKey ID 和 AccessKey Secret 均为必填项。</translation>
    </message>
    <message numerus="yes">
        <location line="+42"/>
        <source>The system keychain did not answer within %n second(s); it may be locked and waiting for its password.</source>
        <translation>
            <numerusform>系统密钥环在 %n 秒内未响应；它可能已锁定，正在等待输入密码。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+53"/>
        <source>The credentials could not be removed from the system keychain: %1</source>
        <translation>无法从系统密钥环中删除凭据：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The system keychain cannot be used.</source>
        <translation>无法使用系统密钥环。</translation>
    </message>
</context>
<context>
    <name>dbs::CredentialsController</name>
    <message>
        <location filename="../ui/dialogs/credentialscontroller.cpp" line="+93"/>
        <source>system keychain</source>
        <translation>系统密钥环</translation>
    </message>
    <message>
        <location line="+103"/>
        <location line="+228"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="-224"/>
        <source>saved account &quot;%1&quot;</source>
        <extracomment>%1 is the name of an account saved in the browser</extracomment>
        <translation>已保存的账号“%1”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>saved account &quot;%1&quot;: the accounts signing for it go round in a loop (%2)</source>
        <translation>已保存的账号“%1”：为其签名的账号形成了循环（%2）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: the system keychain holds no AccessKey for it</source>
        <translation>%1：系统密钥环中没有它的 AccessKey</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: the system keychain holds no AccessKey for it (%2)</source>
        <translation>%1：系统密钥环中没有它的 AccessKey（%2）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1: &quot;%2&quot;, which is to sign for its role, is neither an aliyun CLI profile nor a saved account</source>
        <translation>%1：应为其角色签名的“%2”既不是 aliyun CLI 配置，也不是已保存的账号</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>&quot;%1&quot; is the name of an aliyun CLI profile: choose another name.</source>
        <translation>“%1”是 aliyun CLI 配置的名称：请换一个名称。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>An account named &quot;%1&quot; is already saved: choose another name.</source>
        <translation>名为“%1”的账号已保存：请换一个名称。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The account cannot sign for its own role.</source>
        <translation>账号不能为自己的角色签名。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot; is neither an aliyun CLI profile nor a saved account.</source>
        <translation>“%1”既不是 aliyun CLI 配置，也不是已保存的账号。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The accounts signing for this role would go round in a loop (%1).</source>
        <translation>为此角色签名的账号会形成循环（%1）。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The account needs its AccessKey ID.</source>
        <translation>账号需要其 AccessKey ID。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The account needs its AccessKey secret.</source>
        <translation>账号需要其 AccessKey Secret。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The AccessKey is kept for this session only (keychain unavailable: %1)</source>
        <translation>AccessKey 仅在本次会话中保留（密钥环不可用：%1）</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&quot;%1&quot; signs for the role of &quot;%2&quot;: change or remove that account first.</source>
        <translation>“%1”为“%2”的角色签名：请先修改或删除该账号。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No account named &quot;%1&quot; is saved.</source>
        <translation>没有已保存的名为“%1”的账号。</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>keychain unavailable: %1</source>
        <translation>密钥环不可用：%1</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>Credentials: none</source>
        <translation>凭据：无</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credentials: none (%1)</source>
        <translation>凭据：无（%1）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Credentials: environment</source>
        <translation>凭据：环境变量</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Credentials: system keychain</source>
        <translation>凭据：系统密钥环</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Credentials: %1</source>
        <translation>凭据：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Credentials: this session only (keychain unavailable: %1)</source>
        <translation>凭据：仅限本次会话（密钥环不可用：%1）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Credentials: this session only (not saved)</source>
        <translation>凭据：仅限本次会话（未保存）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credentials: this session only (not saved; %1)</source>
        <translation>凭据：仅限本次会话（未保存；%1）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Credentials: reading the system keychain…</source>
        <translation>凭据：正在读取系统密钥环…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Credentials: saving to the system keychain…</source>
        <translation>凭据：正在保存到系统密钥环…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Remembering is off: the system keychain could not be used. %1 Check &quot;Remember&quot; to try the keychain again when saving; if it still fails, the credentials are kept for this session only.</source>
        <translation>未保存到密钥环：无法使用系统密钥环。%1 勾选“保存到系统密钥环”可在保存时再次尝试；如果仍然失败，凭据仅在本次会话中保留。</translation>
    </message>
</context>
<context>
    <name>dbs::CredentialsDialog</name>
    <message>
        <location filename="../ui/dialogs/credentialsdialog.cpp" line="+36"/>
        <source>&amp;Remember in the system keychain</source>
        <translation>保存到系统密钥环(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import from the &amp;Environment</source>
        <translation>从环境变量导入(&amp;E)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import &amp;Profile</source>
        <translation>导入配置(&amp;P)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Credentials</source>
        <translation>凭据</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Only for temporary (STS) credentials</source>
        <translation>仅用于临时凭据（STS）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unchecked: nothing is kept after the browser closes, and credentials saved earlier are removed from the keychain.</source>
        <translation>不勾选时：关闭浏览器后不保留任何凭据，之前保存的凭据也会从密钥环中删除。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>AccessKey &amp;ID:</source>
        <translation>AccessKey ID(&amp;I)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AccessKey &amp;secret:</source>
        <translation>AccessKey Secret(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>STS &amp;token:</source>
        <translation>STS 令牌(&amp;T)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>aliyun CLI p&amp;rofile:</source>
        <translation>aliyun CLI 配置(&amp;R)：</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>entered in the credentials dialog</source>
        <translation>在凭据对话框中输入</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Imported the credentials from the environment variables.</source>
        <translation>已从环境变量导入凭据。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Imported the aliyun CLI profile &quot;%1&quot;.</source>
        <translation>已导入 aliyun CLI 配置“%1”。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No aliyun CLI configuration (%1)</source>
        <translation>没有 aliyun CLI 配置文件（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No profiles in %1</source>
        <translation>%1 中没有配置</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>(entry without a name)</source>
        <translation>（无名称的条目）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>it signs in with %1, it holds no keys to import</source>
        <translation>它以 %1 方式登录，没有可导入的密钥</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 — unusable: %2</source>
        <extracomment>%1 is a profile name, %2 why it cannot be used</extracomment>
        <translation>%1 — 不可用：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>[current]</source>
        <translation>[当前]</translation>
    </message>
</context>
<context>
    <name>dbs::DbsClient</name>
    <message>
        <location filename="../app/api/dbsclient.cpp" line="+222"/>
        <source>Unknown region &quot;%1&quot;: pick a DBS region or give an endpoint URL.</source>
        <translation>未知地域“%1”：请选择 DBS 地域，或指定 Endpoint URL。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No AccessKey is set.</source>
        <translation>未设置 AccessKey。</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>Cannot read the CA certificate file %1: %2.</source>
        <translation>无法读取 CA 证书文件 %1：%2。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The file %1 holds no PEM or DER certificate.</source>
        <translation>文件 %1 中没有 PEM 或 DER 格式的证书。</translation>
    </message>
</context>
<context>
    <name>dbs::DemoSession</name>
    <message>
        <location filename="../app/browser/demosession.cpp" line="+49"/>
        <source>demo key pair</source>
        <translation>演示密钥对</translation>
    </message>
</context>
<context>
    <name>dbs::DetailPane</name>
    <message>
        <location filename="../ui/table/detailpane.cpp" line="+38"/>
        <source>Select a gateway to see its details.</source>
        <translation>选择一个网关以查看其详情。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Gateway details</source>
        <translation>网关详情</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Gateway</source>
        <translation>备份网关</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gateway ID:</source>
        <translation>备份网关 ID：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>gateway ID</source>
        <translation>备份网关 ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Identifier:</source>
        <translation>唯一标识：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>identifier</source>
        <translation>唯一标识</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region:</source>
        <translation>地域：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>region</source>
        <translation>地域</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account:</source>
        <translation>账号：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>account</source>
        <translation>账号</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Source endpoint</source>
        <translation>所在主机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hostname:</source>
        <translation>主机名：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>hostname</source>
        <translation>主机名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Public IP:</source>
        <translation>公网 IP：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>public IP</source>
        <translation>公网 IP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Private IP:</source>
        <translation>内网 IP：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>private IP</source>
        <translation>内网 IP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last heartbeat</source>
        <translation>最后心跳</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+7"/>
        <source>Age:</source>
        <translation>相对时间：</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>heartbeat age</source>
        <translation>心跳距今时长</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+8"/>
        <source>Local time:</source>
        <translation>本地时间：</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>heartbeat time</source>
        <translation>心跳时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+7"/>
        <source>UTC:</source>
        <translation>UTC：</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>heartbeat time (UTC)</source>
        <translation>心跳时间（UTC）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>age</source>
        <translation>创建距今时长</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>creation time</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>creation time (UTC)</source>
        <translation>创建时间（UTC）</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>dbs::ErrorBanner</name>
    <message>
        <location filename="../ui/widgets/errorbanner.cpp" line="+16"/>
        <source>RequestId:</source>
        <translation>请求 ID：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>What to check</source>
        <translation>检查什么</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Copy the RequestId (give it to support)</source>
        <translation>复制请求 ID（RequestId），可提供给技术支持</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy RequestId</source>
        <translation>复制请求 ID</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Code:</source>
        <translation>错误码：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message:</source>
        <translation>错误信息：</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Credentials…</source>
        <translation>凭据(&amp;C)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Retry</source>
        <translation>重试(&amp;R)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (HTTP %2)</source>
        <translation>%1（HTTP %2）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Recommendation: %1</source>
        <translation>建议：%1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Could not reach the DBS service.</source>
        <translation>无法连接 DBS 服务。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The DBS service did not answer in time.</source>
        <translation>DBS 服务未及时响应。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The DBS service sent an answer this browser cannot read.</source>
        <translation>DBS 服务返回了本浏览器无法解析的响应。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The DBS service sent an answer that is too large.</source>
        <translation>DBS 服务返回的响应过大。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The request was not sent.</source>
        <translation>请求未发送。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The DBS service refused to list the gateways.</source>
        <translation>DBS 服务拒绝列出备份网关。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The gateways could not be loaded.</source>
        <translation>无法加载网关。</translation>
    </message>
</context>
<context>
    <name>dbs::ExportController</name>
    <message>
        <location filename="../ui/dialogs/exportcontroller.cpp" line="+215"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fetching the remaining gateways before writing…</source>
        <translation>写入前正在获取其余网关…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The region or the lookup changed while the rows were loading, so nothing was exported.</source>
        <translation>加载期间地域或查找条件发生了变化，因此未导出任何内容。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Loading stopped before every page was in, so nothing was exported.</source>
        <translation>加载在所有分页到齐前已停止，因此未导出任何内容。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Fetching the remaining gateways before writing: %1 of %2</source>
        <translation>写入前正在获取其余网关：%1 / %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The remaining gateways could not be loaded, so nothing was exported.
%1</source>
        <translation>无法加载其余网关，因此未导出任何内容。
%1</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1 could not be created: %2</source>
        <translation>无法创建 %1：%2</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>%1 could not be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 could not be saved: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Export Failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The export failed; no file was written.</source>
        <translation>导出失败，未写入任何文件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The existing file was left unchanged.</source>
        <translation>原有文件保持不变。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose Another File…</source>
        <translation>选择其他文件…</translation>
    </message>
</context>
<context>
    <name>dbs::ExportDialog</name>
    <message>
        <location filename="../ui/dialogs/exportdialog.cpp" line="+68"/>
        <source>Start with a &amp;byte-order mark (for spreadsheet programs)</source>
        <translation>在开头写入字节顺序标记 BOM（便于电子表格程序识别）(&amp;B)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+52"/>
        <source>Export Gateways</source>
        <translation>导出网关</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>CSV (comma-separated values)</source>
        <translation>CSV（逗号分隔值）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel 工作簿 (.xlsx)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Rows</source>
        <translation>导出范围</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nothing is written until every row is in; a cancelled or failed export leaves no file behind.</source>
        <translation>所有行加载完毕后才会写入文件；取消或失败的导出不会留下任何文件。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Translated column titles</source>
        <translation>中文列标题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API field names (BackupGatewayId, …)</source>
        <translation>API 字段名（BackupGatewayId 等）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>F&amp;ormat:</source>
        <translation>格式(&amp;O)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Headers:</source>
        <translation>表头(&amp;H)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Excel workbooks (*.xlsx);;All files (*)</source>
        <translation>Excel 工作簿 (*.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Replace File</source>
        <translation>替换文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 已存在。要替换吗？</translation>
    </message>
    <message>
        <location line="+152"/>
        <source>Every gateway of every region (%1; regions that could not be read: %2, their gateways missing or from an earlier look)</source>
        <translation>所有地域的全部网关（%1；无法读取的地域：%2，其网关缺失或来自较早的查询）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every gateway of every region (%1)</source>
        <translation>所有地域的全部网关（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every gateway the lookup found (%1)</source>
        <translation>查找到的全部网关（%1 个）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every gateway of the region (%1)</source>
        <translation>该地域的全部网关（%1 个）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every gateway the lookup found (%1; %2 loaded, the rest are fetched first)</source>
        <translation>查找到的全部网关（共 %1 个，已加载 %2 个，其余的将先行获取）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every gateway of the region (%1; %2 loaded, the rest are fetched first)</source>
        <translation>该地域的全部网关（共 %1 个，已加载 %2 个，其余的将先行获取）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every gateway the lookup found (every page is fetched first)</source>
        <translation>查找到的全部网关（将先获取所有分页）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every gateway of the region (every page is fetched first)</source>
        <translation>该地域的全部网关（将先获取所有分页）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The rows the filter shows (%1 so far; the remaining pages are loaded first)</source>
        <translation>筛选后显示的行（目前 %1 行，将先加载其余分页）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The rows the filter shows (%1)</source>
        <translation>筛选后显示的行（%1 行）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The selected rows (%1)</source>
        <translation>选中的行（%1 行）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The selected rows (none selected)</source>
        <translation>选中的行（未选择任何行）</translation>
    </message>
</context>
<context>
    <name>dbs::ExporterCommand</name>
    <message>
        <location filename="../app/cli/exportercommand.cpp" line="+64"/>
        <source>dbs-gateways: %1
</source>
        <translation>dbs-gateways：%1
</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>dbs-gateways: serving metrics on %1 (%2, %3, every %4 s)
</source>
        <translation>dbs-gateways：在 %1 提供指标（%2，%3，每 %4 秒）
</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n account(s)</source>
        <translation>
            <numerusform>%n 个账号</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n region(s)</source>
        <translation>
            <numerusform>%n 个地域</numerusform>
        </translation>
    </message>
    <message>
        <location line="+67"/>
        <source>dbs-gateways: %1: readable again
</source>
        <translation>dbs-gateways：%1：又可读取了
</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>dbs-gateways: %1: %2 (its metrics keep the last inventory, with dbs_region_up 0)
</source>
        <translation>dbs-gateways：%1：%2（其指标保留上一次的清单，dbs_region_up 为 0）
</translation>
    </message>
</context>
<context>
    <name>dbs::Faults</name>
    <message>
        <location filename="../app/sim/faults.cpp" line="+61"/>
        <source>unknown fault kind &quot;%1&quot; (known: %2)</source>
        <translation>未知的故障类型“%1”（已知类型：%2）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>fault rate in &quot;%1&quot; must be a number from 0 to 1</source>
        <translation>“%1”中的故障概率必须是 0 到 1 之间的数字</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the --fault rates add up to %1; a request can have one fault at most, so they must add up to 1 or less</source>
        <translation>各 --fault 概率之和为 %1；每个请求最多只能有一种故障，因此概率之和不能超过 1</translation>
    </message>
</context>
<context>
    <name>dbs::FixedCredentialProvider</name>
    <message>
        <location filename="../app/api/credentialprovider.cpp" line="+93"/>
        <source>The temporary credentials from %1 have expired; renew them there and start again.</source>
        <translation>来自 %1 的临时凭据已过期；请在那里更新后重新开始。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No AccessKey is set.</source>
        <translation>未设置 AccessKey。</translation>
    </message>
</context>
<context>
    <name>dbs::FleetController</name>
    <message>
        <location filename="../ui/fleet/fleetcontroller.cpp" line="+44"/>
        <location line="+12"/>
        <source>Changes</source>
        <translation>变化</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>&amp;Notify When a Gateway Goes Offline or Stale</source>
        <translation>网关离线或心跳超时时通知(&amp;N)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Changes between refreshes</source>
        <translation>两次刷新之间的变化</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>C&amp;lear</source>
        <translation>清除(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear the list of changes</source>
        <translation>清除变化列表</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>&amp;Off</source>
        <translation>关闭(&amp;O)</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Every %n second(s)</source>
        <translation>
            <numerusform>每 %n 秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Every %n minute(s)</source>
        <translation>
            <numerusform>每 %n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&amp;Auto-refresh</source>
        <translation>自动刷新(&amp;A)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Changes Panel</source>
        <translation>变化面板(&amp;C)</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Showing the inventory as of %1 while it loads.</source>
        <translation>正在加载，先显示截至 %1 的网关清单。</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>%1 went offline.</source>
        <translation>%1 已离线。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 went stale.</source>
        <translation>%1 心跳超时。</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n gateway(s) went offline.</source>
        <translation>
            <numerusform>%n 个网关已离线。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n gateway(s) went stale.</source>
        <translation>
            <numerusform>%n 个网关心跳超时。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 and %2.</source>
        <translation>%1，%2。</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n gateway(s) went offline</source>
        <translation>
            <numerusform>%n 个网关已离线</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n went stale</source>
        <translation>
            <numerusform>%n 个心跳超时</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>DBS backup gateways</source>
        <translation>DBS 备份网关</translation>
    </message>
</context>
<context>
    <name>dbs::GatewayCsv</name>
    <message>
        <location filename="../app/export/gatewaycsv.cpp" line="+175"/>
        <source>%1 (epoch ms)</source>
        <extracomment>%1 is a column title such as &quot;Last heartbeat&quot;; the raw value in milliseconds</extracomment>
        <translation>%1（Unix 时间戳，毫秒）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (UTC)</source>
        <extracomment>%1 is a column title such as &quot;Last heartbeat&quot;; the ISO-8601 UTC form</extracomment>
        <translation>%1（UTC）</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>The data could not be written.</source>
        <translation>无法写入数据。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The data could not be written: %1</source>
        <translation>无法写入数据：%1</translation>
    </message>
</context>
<context>
    <name>dbs::GatewayFields</name>
    <message>
        <location filename="../app/api/gatewayfields.cpp" line="+65"/>
        <source>Gateway ID</source>
        <translation>备份网关 ID</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Identifier</source>
        <translation>唯一标识</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Region</source>
        <translation>地域</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hostname</source>
        <translation>主机名</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Public IP</source>
        <translation>公网 IP</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Private IP</source>
        <translation>内网 IP</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Last heartbeat</source>
        <translation>最后心跳</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Account</source>
        <translation>账号</translation>
    </message>
</context>
<context>
    <name>dbs::GatewayStatusBar</name>
    <message>
        <location filename="../ui/window/gatewaystatusbar.cpp" line="+14"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Loading</source>
        <translation>正在加载</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop loading the remaining pages</source>
        <translation>停止加载其余分页</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Load remaining</source>
        <translation>加载其余分页</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load the remaining pages, so that the filter and the sort cover every gateway</source>
        <translation>加载其余分页，使筛选和排序涵盖全部网关</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>When the service last answered</source>
        <translation>服务最后一次应答的时间</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 loaded</source>
        <translation>已加载 %1 个</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 of %2 loaded</source>
        <translation>已加载 %1 / %2 个</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%Ln shown so far</source>
        <translation>
            <numerusform>目前显示 %Ln 个</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>sorted so far</source>
        <translation>目前已排序</translation>
    </message>
    <message numerus="yes">
        <location line="+50"/>
        <source>%n account(s) failed</source>
        <translation>
            <numerusform>%n 个账号失败</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n region(s) failed</source>
        <translation>
            <numerusform>%n 个地域失败</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n pending</source>
        <translation>
            <numerusform>%n 个待加载</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n region(s) pending</source>
        <translation>
            <numerusform>%n 个地域待加载</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Their gateways are missing: see the message above the table</source>
        <translation>缺少它们的网关：请看表格上方的消息</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>The filter and the sort cover only the gateways loaded so far; the remaining pages are being loaded.</source>
        <translation>筛选和排序仅涵盖目前已加载的网关；其余分页正在加载。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The sort covers only the gateways loaded so far; the remaining pages are being loaded.</source>
        <translation>排序仅涵盖目前已加载的网关；其余分页正在加载。</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%Ln shown</source>
        <translation>
            <numerusform>显示 %Ln 个</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gateways that match the status and text filters</source>
        <translation>符合状态和文本筛选条件的网关</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%p%</source>
        <translation>%p%</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A request is in flight</source>
        <translation>有请求正在进行</translation>
    </message>
</context>
<context>
    <name>dbs::GatewayTableModel</name>
    <message>
        <location filename="../models/gatewaytablemodel.cpp" line="+745"/>
        <source>%1 local time
%2 UTC</source>
        <translation>本地时间：%1
UTC：%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No heartbeat reported</source>
        <translation>未上报心跳</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, at %2</source>
        <translation>%1，于 %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1, heartbeat overdue</source>
        <translation>%1，心跳超时</translation>
    </message>
</context>
<context>
    <name>dbs::GatewayTableView</name>
    <message>
        <location filename="../ui/table/gatewaytableview.cpp" line="+58"/>
        <source>Backup gateways</source>
        <translation>备份网关</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One row per gateway; Enter or a click shows its details, Ctrl+C copies the selected rows</source>
        <translation>每行一个网关；按 Enter 或单击显示其详情，Ctrl+C 复制所选行</translation>
    </message>
    <message>
        <location line="+207"/>
        <source>&amp;Columns</source>
        <translation>列(&amp;C)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>&amp;Fit Columns to Contents</source>
        <translation>按内容调整列宽(&amp;F)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Reset Columns</source>
        <translation>重置列(&amp;R)</translation>
    </message>
</context>
<context>
    <name>dbs::GatewayXlsx</name>
    <message>
        <location filename="../app/export/gatewayxlsx.cpp" line="+105"/>
        <source>Gateways</source>
        <extracomment>The name of the worksheet in an exported workbook (at most 31 characters, no []:*?/)</extracomment>
        <translation>网关</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The workbook could not be written.</source>
        <translation>无法写入工作簿。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The workbook could not be written: %1</source>
        <translation>无法写入工作簿：%1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>a worksheet holds at most %1 rows; export fewer rows (a filter or a selection) or as CSV</source>
        <translation>一个工作表最多容纳 %1 行；请导出更少的行（使用筛选或选择），或导出为 CSV</translation>
    </message>
</context>
<context>
    <name>dbs::HeartbeatChart</name>
    <message>
        <location filename="../ui/fleet/heartbeatchart.cpp" line="+25"/>
        <source>Heartbeat ages</source>
        <translation>心跳时间分布</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt; 1 min</source>
        <translation>&lt; 1 分钟</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1–5 min</source>
        <translation>1–5 分钟</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>5 min–1 h</source>
        <translation>5 分钟–1 小时</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 h–1 day</source>
        <translation>1 小时–1 天</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&gt; 1 day</source>
        <translation>&gt; 1 天</translation>
    </message>
    <message numerus="yes">
        <location line="+75"/>
        <source>%n gateway(s) with a heartbeat %1 old; click to show only these</source>
        <translation>
            <numerusform>%n 个网关的心跳在 %1 之前；单击只显示这些网关</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>dbs::IdentifierLookup</name>
    <message>
        <location filename="../ui/query/identifierlookup.cpp" line="+19"/>
        <source>Identifiers (paste one or many)…</source>
        <translation>唯一标识（可粘贴一个或多个）…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Looks gateways up on the server by Identifier. Separate several with commas, spaces or new lines, then press Enter. Clear the field to list every gateway again.</source>
        <translation>按唯一标识在服务端查找网关。多个标识可用逗号、空格或换行分隔，输入后按 Enter。清空此字段即可重新列出所有网关。</translation>
    </message>
</context>
<context>
    <name>dbs::KeychainSecretStore</name>
    <message>
        <location filename="../app/keychain/keychainsecretstore.cpp" line="+51"/>
        <source>The credentials saved in the system keychain for &quot;%1&quot; could not be read.</source>
        <translation>无法读取系统密钥环中为“%1”保存的凭据。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>system keychain</source>
        <translation>系统密钥环</translation>
    </message>
    <message numerus="yes">
        <location line="+43"/>
        <source>The system keychain did not answer within %n second(s); it may be locked and waiting for its password.</source>
        <translation>
            <numerusform>系统密钥环在 %n 秒内未响应；它可能已锁定，正在等待输入密码。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No credentials are saved in the system keychain for &quot;%1&quot;.</source>
        <translation>系统密钥环中没有为“%1”保存的凭据。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No system keychain is available.</source>
        <translation>没有可用的系统密钥环。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Access to the system keychain was refused.</source>
        <translation>访问系统密钥环被拒绝。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The system keychain is locked or refused access.</source>
        <translation>系统密钥环已锁定或拒绝访问。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The entry could not be removed from the system keychain.</source>
        <translation>无法从系统密钥环中删除该条目。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The system keychain reported an error.</source>
        <translation>系统密钥环报告了错误。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The system keychain reported an error: %1</source>
        <translation>系统密钥环报告了错误：%1</translation>
    </message>
</context>
<context>
    <name>dbs::ListCommand</name>
    <message>
        <location filename="../app/cli/listcommand.cpp" line="+90"/>
        <source>credentials: %1
</source>
        <translation>凭据：%1
</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>dbs-gateways: --format xlsx writes a file: give it with --output FILE
</source>
        <translation>dbs-gateways：--format xlsx 写入的是文件：请用 --output FILE 指定
</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+34"/>
        <source>dbs-gateways: cannot write %1: %2
</source>
        <translation>dbs-gateways: 无法写入 %1：%2
</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>dbs-gateways: %1 is a terminal; --format xlsx writes a workbook, which is no text
</source>
        <translation>dbs-gateways：%1 是终端；--format xlsx 写入的是工作簿，不是文本
</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>no region could be listed</source>
        <translation>没有任何地域能够列出</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>dbs-gateways: partial list: %n region(s) failed
</source>
        <translation>
            <numerusform>dbs-gateways: 列表不完整：%n 个地域失败
</numerusform>
        </translation>
    </message>
    <message>
        <location line="+53"/>
        <source>dbs-gateways: cannot write the output: %1
</source>
        <translation>dbs-gateways: 无法写入输出：%1
</translation>
    </message>
</context>
<context>
    <name>dbs::MainWindow</name>
    <message>
        <location filename="../ui/window/mainwindow.cpp" line="+142"/>
        <source>&lt;b&gt;Demo data.&lt;/b&gt; These gateways come from a simulator running on this computer, not from Alibaba Cloud. Choose File › Credentials… to browse your own.</source>
        <translation>&lt;b&gt;演示数据。&lt;/b&gt;这些网关来自在本机运行的模拟器，而非阿里云。选择“文件 › 凭据…”即可浏览您自己的网关。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&lt;b&gt;No Alibaba Cloud credentials found&lt;/b&gt; in the environment or the system keychain. Enter an AccessKey to browse your gateways, or try the browser on demo data first.</source>
        <translation>在环境变量和系统密钥环中&lt;b&gt;未找到阿里云凭据&lt;/b&gt;。请输入 AccessKey 以浏览您的网关，或先用演示数据试用本浏览器。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Try the &amp;Demo</source>
        <translation>试用演示(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter &amp;Credentials…</source>
        <translation>输入凭据(&amp;C)…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Showing the last inventory while it loads.</source>
        <translation>正在加载，先显示上次的网关清单。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Some identifiers were not found.</source>
        <translation>有些标识未找到。</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reload the gateways loaded so far (F5)</source>
        <translation>重新加载目前已加载的网关（F5）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Copy Rows</source>
        <translation>复制行(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the selected rows as tab-separated text</source>
        <translation>将选中的行复制为制表符分隔的文本</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Copy as &amp;Markdown</source>
        <translation>复制为 Markdown(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the selected rows as a Markdown table</source>
        <translation>将选中的行复制为 Markdown 表格</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy as &amp;JSON</source>
        <translation>复制为 JSON(&amp;J)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the selected rows as JSON (the API&apos;s field names)</source>
        <translation>将选中的行复制为 JSON（使用 API 字段名）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Filter…</source>
        <translation>筛选(&amp;F)…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Stop Loading</source>
        <translation>停止加载(&amp;S)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Load Remaining Pages</source>
        <translation>加载其余分页(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load the pages left after Stop, so that the filter and the sort cover every gateway</source>
        <translation>加载停止后剩余的分页，使筛选和排序涵盖全部网关</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cre&amp;dentials…</source>
        <translation>凭据(&amp;D)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Accounts…</source>
        <translation>账号(&amp;A)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save access keys and roles in other accounts, to pick them in the toolbar.</source>
        <translation>保存访问密钥和其他账号中的角色，以便在工具栏中选择。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Details Pane</source>
        <translation>详情面板(&amp;D)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;About DBS Gateway Browser</source>
        <translation>关于 DBS Gateway Browser(&amp;A)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message numerus="yes">
        <location line="+90"/>
        <source>Exported %Ln gateway(s) to %1</source>
        <translation>
            <numerusform>已将 %Ln 个网关导出到 %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+201"/>
        <source>The service failed to send the next page.</source>
        <translation>服务未能返回下一页。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Loading stopped after row %1.&lt;/b&gt; %2 The rows loaded so far stay; Retry loads the rest.</source>
        <translation>&lt;b&gt;加载在第 %1 行后停止。&lt;/b&gt;%2 已加载的行会保留；“重试”会加载其余部分。</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Credentials: all accounts (%1)</source>
        <extracomment>%1 lists the accounts (aliyun CLI profiles, saved accounts) shown together</extracomment>
        <translation>凭据：所有账号（%1）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Fewer than two accounts can sign.</source>
        <translation>可用于签名的账号少于两个。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Could not switch accounts. %1</source>
        <translation>无法切换账号。%1</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>%1 [demo]</source>
        <translation>%1 [演示]</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>[demo]</source>
        <translation>[演示]</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Gateway %1 is not in the table (removed, or hidden by the filter).</source>
        <translation>网关 %1 不在表格中（已移除，或被筛选隐藏）。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>updated %1</source>
        <translation>更新：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>About DBS Gateway Browser</source>
        <translation>关于 DBS Gateway Browser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;DBS Gateway Browser %1&lt;/h3&gt;&lt;p&gt;Browse the backup gateways of Alibaba Cloud Database Backup (DBS): every region, page by page, with filters, details and CSV export.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;DBS Gateway Browser %1&lt;/h3&gt;&lt;p&gt;浏览阿里云数据库备份 DBS 的备份网关：支持所有地域，分页加载，提供筛选、详情查看和 CSV 导出。&lt;/p&gt;&lt;p&gt;基于 Qt %2 构建。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="-595"/>
        <source>Trust CA &amp;Certificate…</source>
        <translation>信任 CA 证书(&amp;C)…</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export gateways to a CSV file or an Excel workbook (Ctrl+E)</source>
        <translation>将网关导出为 CSV 文件或 Excel 工作簿（Ctrl+E）</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Trust the certificates of an extra certificate authority for secure connections, besides the system&apos;s.</source>
        <translation>除系统的证书颁发机构外，安全连接还信任另一个证书颁发机构的证书。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Forget the Trusted CA Certificate</source>
        <translation>不再信任此 CA 证书</translation>
    </message>
    <message>
        <location line="+375"/>
        <location line="+7"/>
        <source>Trust CA Certificate</source>
        <translation>信任 CA 证书</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation>证书 (*.pem *.crt *.cer *.der);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>dbs::MessageBanner</name>
    <message>
        <location filename="../ui/widgets/messagebanner.cpp" line="+49"/>
        <source>Close this message</source>
        <translation>关闭此消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close message</source>
        <translation>关闭消息</translation>
    </message>
</context>
<context>
    <name>dbs::MetricsServer</name>
    <message>
        <location filename="../app/cli/metricsserver.cpp" line="+192"/>
        <source>the port is in use</source>
        <translation>端口已被占用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot listen on %1:%2: %3</source>
        <translation>无法在 %1:%2 上监听：%3</translation>
    </message>
    <message>
        <location line="+151"/>
        <location line="+10"/>
        <source>an IPv6 address is written [ADDRESS]:PORT</source>
        <translation>IPv6 地址写作 [地址]:端口</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--listen wants HOST:PORT (or a PORT alone, on loopback) with a port from 1 to 65535</source>
        <translation>--listen 需要 主机:端口（或只写端口，即环回地址），端口为 1 到 65535</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--listen wants a host before the port: 127.0.0.1:PORT for this machine, 0.0.0.0:PORT or [::]:PORT for every interface</source>
        <translation>--listen 需要在端口前写主机：本机用 127.0.0.1:端口，所有网络接口用 0.0.0.0:端口 或 [::]:端口</translation>
    </message>
</context>
<context>
    <name>dbs::PagePipeline</name>
    <message>
        <location filename="../app/api/pagepipeline.cpp" line="+198"/>
        <source>The page at PageNum %1 repeated only gateways already listed; the list would be incomplete.</source>
        <translation>PageNum 为 %1 的页只返回了已列出的网关，列表将不完整。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Stopped after %1 pages, the most one listing may take; the list would be incomplete.</source>
        <translation>已达到单次列出的页数上限（%1 页）而停止，列表将不完整。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The service returned more gateways than the %1 it announced; the list would be incomplete.</source>
        <translation>服务返回的网关多于其声明的 %1 个，列表将不完整。</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>The connection to the service was closed before the list was complete.</source>
        <translation>在列表完整之前，与服务的连接已关闭。</translation>
    </message>
</context>
<context>
    <name>dbs::QueryToolBar</name>
    <message>
        <location filename="../ui/query/querytoolbar.cpp" line="+31"/>
        <source>Query</source>
        <translation>查询</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Gateways asked for per request</source>
        <translation>每次请求获取的网关数量</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Filter: name, ID, hostname, IP…</source>
        <translation>筛选：名称、ID、主机名、IP…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shows the gateways whose name, ID, identifier, hostname or IP contains this text (Ctrl+F)</source>
        <translation>显示名称、ID、唯一标识、主机名或 IP 中包含此文本的网关（Ctrl+F）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Account:</source>
        <translation>账号(&amp;A)：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Region:</source>
        <translation>地域(&amp;R)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Page si&amp;ze:</source>
        <translation>每页数量(&amp;Z)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Page size</source>
        <translation>每页数量</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Lookup:</source>
        <translation>查找(&amp;L)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Shown only: set by a click on the summary or a region. Click to show every gateway again.</source>
        <translation>仅显示：由点击汇总或地域设置。点击可重新显示全部网关。</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Clear the filter: %1</source>
        <translation>清除筛选：%1</translation>
    </message>
</context>
<context>
    <name>dbs::RegionFailureBanner</name>
    <message>
        <location filename="../ui/fleet/regionfailurebanner.cpp" line="+24"/>
        <source>Some regions could not be listed.</source>
        <translation>部分地域无法列出。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry &amp;All</source>
        <translation>全部重试(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List every failed region again</source>
        <translation>重新列出所有失败的地域</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>&lt;b&gt;Not every account could be listed:&lt;/b&gt; the gateways of these accounts and regions are missing from the table.</source>
        <translation>&lt;b&gt;部分账号未能列出：&lt;/b&gt;表中缺少这些账号和地域的网关。</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>&lt;b&gt;%1 of %n region(s) could not be listed:&lt;/b&gt; their gateways are missing from the table.</source>
        <translation>
            <numerusform>&lt;b&gt;%n 个地域中有 %1 个无法列出：&lt;/b&gt;表格中缺少这些地域的网关。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2): %3</source>
        <translation>%1（%2）：%3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retry %1</source>
        <translation>重试 %1</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>and %n more (Retry All lists them again)</source>
        <translation>
            <numerusform>另有 %n 个（“全部重试”会重新列出）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dbs::RegionPicker</name>
    <message>
        <location filename="../ui/query/regionpicker.cpp" line="+20"/>
        <source>The region whose backup gateways are listed, or all regions at once</source>
        <translation>列出其备份网关的地域，或一次列出所有地域</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All regions</source>
        <translation>所有地域</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+30"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Other region</source>
        <translation>其他地域</translation>
    </message>
</context>
<context>
    <name>dbs::RegionStrip</name>
    <message>
        <location filename="../ui/fleet/regionstrip.cpp" line="+20"/>
        <source>no permission</source>
        <translation>无权限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unreachable</source>
        <translation>无法连接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot sign in</source>
        <translation>无法登录</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Show or hide each region&apos;s answer</source>
        <translation>显示或隐藏各地域的应答</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+19"/>
        <source>Regions</source>
        <translation>地域</translation>
    </message>
    <message numerus="yes">
        <location line="+140"/>
        <source>%n region(s)</source>
        <translation>
            <numerusform>%n 个地域</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n 个失败</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n loading</source>
        <translation>
            <numerusform>%n 个加载中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln gateway(s)</source>
        <translation>
            <numerusform>%Ln 个网关</numerusform>
        </translation>
    </message>
    <message>
        <location line="-172"/>
        <source>Regions and how each one answered</source>
        <translation>各地域及其应答情况</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry %1</source>
        <translation>重试 %1</translation>
    </message>
    <message>
        <location line="-9"/>
        <location line="+26"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n gateway(s) in %1. Click to show only these; click again to show all.</source>
        <translation>
            <numerusform>%1 中有 %n 个网关。单击只显示这些；再次单击显示全部。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+53"/>
        <source>%n loading…</source>
        <translation>
            <numerusform>%n 个加载中…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n region(s) loading…</source>
        <translation>
            <numerusform>%n 个地域加载中…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n without gateways</source>
        <translation>
            <numerusform>%n 个没有网关</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n region(s) without gateways</source>
        <translation>
            <numerusform>%n 个地域没有网关</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n account(s)</source>
        <translation>
            <numerusform>%n 个账号</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dbs::RegionSweep</name>
    <message>
        <location filename="../app/fleet/regionsweep.cpp" line="+25"/>
        <source>%1 · %2</source>
        <extracomment>An account&apos;s region in a sweep: %1 is the account&apos;s name, %2 the region&apos;s</extracomment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+136"/>
        <source>The account no longer signs in here; list it again.</source>
        <translation>该账号已不再在此登录；请重新列出。</translation>
    </message>
</context>
<context>
    <name>dbs::RpcCall</name>
    <message>
        <location filename="../app/api/dbsclient.cpp" line="+296"/>
        <source>The new credentials from %1 have already expired: check this machine&apos;s clock.</source>
        <translation>来自 %1 的新凭据已经过期：请检查本机时钟。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>No complete answer within %1 s.</source>
        <translation>%1 秒内未收到完整响应。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The answer is larger than %1 MiB; it was not read.</source>
        <translation>响应大于 %1 MiB，未读取。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 does not speak TLS (it answered in plain text, as an http server does): check the endpoint, whose scheme may be http://.</source>
        <translation>%1 不使用 TLS（它以明文作答，如同 http 服务器）：请检查 Endpoint，其协议也许应为 http://。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The secure connection to %1 failed: %2. Check the endpoint and the system&apos;s CA certificates (or an intercepting proxy).</source>
        <translation>与 %1 的安全连接失败：%2。请检查 Endpoint 和系统的 CA 证书（或是否存在拦截流量的代理）。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Connection refused by %1</source>
        <translation>%1 拒绝了连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 closed the connection before a secure connection was set up: it may not speak TLS (check whether the endpoint&apos;s scheme should be http://), or something on the way cut it.</source>
        <translation>%1 在安全连接建立之前关闭了连接：它可能不支持 TLS（请检查端点的协议是否应为 http://），也可能是途中的某处切断了连接。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The endpoint answered HTTP %1 (a redirect); it is not followed. Check the endpoint.</source>
        <translation>端点返回了 HTTP %1（重定向）；不会跟随。请检查端点。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The endpoint answered HTTP %1, a redirect to %2; it is not followed, so that the signed request goes to no other host. Check the endpoint.</source>
        <translation>端点返回了 HTTP %1，重定向到 %2；不会跟随，以免已签名的请求被发往其他主机。请检查端点。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The connection to %1 broke off in the middle of the answer: %2</source>
        <translation>与 %1 的连接在应答中途中断：%2</translation>
    </message>
</context>
<context>
    <name>dbs::Screenshotter</name>
    <message>
        <location filename="../app/browser/screenshotter.cpp" line="+13"/>
        <source>No page or error was shown within %1 s; no screenshot taken.</source>
        <translation>%1 秒内未显示任何分页或错误，未截图。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The window is gone; no screenshot taken.</source>
        <translation>窗口已关闭，未截图。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not write the screenshot to %1.</source>
        <translation>无法将截图写入 %1。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Screenshot saved to %1.</source>
        <translation>截图已保存到 %1。</translation>
    </message>
</context>
<context>
    <name>dbs::SessionSecretStore</name>
    <message>
        <location filename="../app/keychain/sessionsecretstore.cpp" line="+19"/>
        <source>No credentials are kept in this session for &quot;%1&quot;.</source>
        <translation>本次会话中没有为“%1”保留的凭据。</translation>
    </message>
</context>
<context>
    <name>dbs::Simulator</name>
    <message>
        <location filename="../app/sim/simulator.cpp" line="+242"/>
        <source>the simulator listens on loopback only, not on %1</source>
        <translation>模拟器只监听环回地址，不能监听 %1</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>cannot listen on %1:%2</source>
        <translation>无法监听 %1:%2</translation>
    </message>
    <message>
        <location line="-69"/>
        <source>the simulator already runs</source>
        <translation>模拟器已在运行</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+126"/>
        <source>TLS needs both a certificate and a private key file</source>
        <translation>TLS 需要证书文件和私钥文件两者</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot read %1</source>
        <translation>无法读取 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot serve TLS with the certificate %1 and the key %2: they must be a PEM certificate and its matching, unencrypted PEM private key</source>
        <translation>无法使用证书 %1 和私钥 %2 提供 TLS 服务：二者必须是 PEM 证书及与之匹配的未加密 PEM 私钥</translation>
    </message>
</context>
<context>
    <name>dbs::StatusFilterButton</name>
    <message>
        <location filename="../ui/query/statusfilterbutton.cpp" line="+44"/>
        <source>&amp;All statuses</source>
        <translation>全部状态(&amp;A)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Stale (Online, heartbeat overdue)</source>
        <translation>心跳超时（在线但心跳已超时）(&amp;S)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Also shows the Online gateways whose last heartbeat is older than the stale threshold</source>
        <translation>同时显示最后一次心跳早于超时阈值的在线网关</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stale &amp;after</source>
        <translation>心跳超时阈值(&amp;A)</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An Online gateway is stale when its last heartbeat is older than this</source>
        <translation>在线网关的最后一次心跳早于此时长即视为心跳超时</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>S&amp;tatus: %1, %2 +%3</source>
        <translation>状态(&amp;T)：%1、%2 +%3</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+89"/>
        <source>stale</source>
        <translation>心跳超时</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Status: all</source>
        <translation>状态：全部</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1. Show only gateways with these statuses (several at once).</source>
        <translation>%1。仅显示这些状态的网关（可多选）。</translation>
    </message>
    <message>
        <location line="-110"/>
        <source>S&amp;tatus: all</source>
        <translation>状态(&amp;T)：全部</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;tatus: %1</source>
        <translation>状态(&amp;T)：%1</translation>
    </message>
</context>
<context>
    <name>dbs::SummaryStrip</name>
    <message>
        <location filename="../ui/fleet/summarystrip.cpp" line="+27"/>
        <source>Fleet summary</source>
        <translation>网关概览</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Show every gateway (clears the status filter)</source>
        <translation>显示所有网关（清除状态筛选）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Online gateways whose last heartbeat is older than the stale threshold</source>
        <translation>最后心跳早于超时阈值的在线网关</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Click to show only these.</source>
        <translation>单击只显示这些网关。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stale</source>
        <translation>心跳超时</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 %2 (%3 stale)</source>
        <translation>%1 %2（%3 个心跳超时）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(loaded rows only)</source>
        <translation>（仅统计已加载的行）</translation>
    </message>
</context>
<context>
    <name>dbs::WatchCommand</name>
    <message>
        <location filename="../app/cli/watchcommand.cpp" line="+85"/>
        <source>dbs-gateways: %1: %2 (watching the others)
</source>
        <translation>dbs-gateways: %1：%2（继续监视其他地域）
</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>dbs-gateways: %1: readable again
</source>
        <translation>dbs-gateways: %1：已恢复可读
</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>dbs-gateways: no region could be read; nothing to watch
</source>
        <translation>dbs-gateways：未能读取任何地域，没有可监视的内容
</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>dbs-gateways: watching %1 in %2, every %3 s
</source>
        <translation>dbs-gateways：正在监视 %2 中的 %1，每 %3 秒一次
</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n gateway(s)</source>
        <translation>
            <numerusform>%n 个网关</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n region(s)</source>
        <translation>
            <numerusform>%n 个地域</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>dbs-gateways: cannot write the output: %1
</source>
        <translation>dbs-gateways：无法写入输出：%1
</translation>
    </message>
</context>
<context>
    <name>dbs::auth</name>
    <message>
        <location filename="../app/auth/cappedfile.cpp" line="+17"/>
        <source>the file is larger than %1 KiB</source>
        <translation>文件大于 %1 KiB</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>it is not a regular file</source>
        <translation>不是常规文件</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cannot open it: %1</source>
        <translation>无法打开：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cannot read it: %1</source>
        <translation>无法读取：%1</translation>
    </message>
    <message>
        <location filename="../app/auth/cliprofiles.cpp" line="+40"/>
        <source>aliyun CLI config</source>
        <translation>aliyun CLI 配置文件</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>field &quot;%1&quot; is not a string</source>
        <translation>字段“%1”不是字符串</translation>
    </message>
    <message>
        <location line="+196"/>
        <source>entry %1 is not a JSON object</source>
        <translation>第 %1 个条目不是 JSON 对象</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>entry %1 has no name</source>
        <translation>第 %1 个条目没有名称</translation>
    </message>
    <message>
        <location line="-146"/>
        <location filename="../app/auth/credentialsfile.cpp" line="+50"/>
        <source>%1 is missing or empty</source>
        <translation>%1 缺失或为空</translation>
    </message>
    <message>
        <location line="+192"/>
        <source>no AccessKey is set</source>
        <translation>未设置 AccessKey</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>aliyun CLI profile &quot;%1&quot;</source>
        <translation>aliyun CLI 配置“%1”</translation>
    </message>
    <message>
        <location line="-187"/>
        <source>field &quot;%1&quot; is not a number</source>
        <translation>字段“%1”不是数字</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>field &quot;%1&quot; is not true or false</source>
        <translation>字段“%1”不是 true 或 false</translation>
    </message>
    <message>
        <location line="+251"/>
        <location filename="../app/auth/credentialsfile.cpp" line="+54"/>
        <source>credentials_uri is not an http(s) URL</source>
        <translation>credentials_uri 不是 http(s) URL</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>process_command is empty</source>
        <translation>process_command 为空</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the sign-in cached in profile &quot;%1&quot; has expired: sign in again with the aliyun CLI (aliyun configure --profile %1)</source>
        <translation>配置“%1”中缓存的登录已过期：请用 aliyun CLI 重新登录（aliyun configure --profile %1）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no cached sign-in: sign in with the aliyun CLI first (aliyun configure --profile %1)</source>
        <translation>没有缓存的登录：请先用 aliyun CLI 登录（aliyun configure --profile %1）</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>mode &quot;%1&quot; is not supported (AK, StsToken, RamRoleArn, ChainableRamRoleArn, RamRoleArnWithRoleName, EcsRamRole, CredentialsURI, OIDC, External, CloudSSO and OAuth are)</source>
        <translation>不支持模式“%1”（支持 AK、StsToken、RamRoleArn、ChainableRamRoleArn、RamRoleArnWithRoleName、EcsRamRole、CredentialsURI、OIDC、External、CloudSSO 和 OAuth）</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>not valid JSON (%1 at byte %2)</source>
        <translation>不是有效的 JSON（第 %2 字节处：%1）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the top level is not a JSON object</source>
        <translation>顶层不是 JSON 对象</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>field &quot;profiles&quot; is not a list</source>
        <translation>字段“profiles”不是列表</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>an earlier profile has the same name</source>
        <translation>前面已有同名的配置</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>profile &quot;%1&quot;: %2</source>
        <translation>配置“%1”：%2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>source_profile leads back to itself (%1)</source>
        <translation>source_profile 循环引用自身（%1）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>its source_profile &quot;%1&quot; is not in the file</source>
        <translation>其 source_profile“%1”不在文件中</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>its source profile: %1</source>
        <translation>其源配置：%1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>the file is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>there is no profile &quot;%1&quot;</source>
        <translation>没有名为“%1”的配置</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>there is no profile &quot;%1&quot;, which %2 names</source>
        <translation>没有 %2 指定的配置“%1”</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the file has no profiles</source>
        <translation>文件中没有配置</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the current profile &quot;%1&quot; is not in the file</source>
        <translation>文件中没有当前配置“%1”</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the file does not say which profile is current; set %1 to pick one (the file has: %2)</source>
        <translation>文件未指明当前配置；请设置 %1 来选择一个（文件中有：%2）</translation>
    </message>
    <message>
        <location line="+39"/>
        <location filename="../app/auth/environmentsource.cpp" line="+116"/>
        <source>%1 is true</source>
        <translation>%1 为 true</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../app/auth/credentialsfile.cpp" line="+75"/>
        <source>no home directory</source>
        <translation>没有主目录</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+2"/>
        <location filename="../app/auth/credentialsfile.cpp" line="+13"/>
        <source>the file does not exist</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>aliyun CLI config %1</source>
        <translation>aliyun CLI 配置文件 %1</translation>
    </message>
    <message>
        <location filename="../app/auth/credentialchain.cpp" line="+45"/>
        <source>Could not load credentials:</source>
        <translation>无法加载凭据：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No credentials found. Tried:</source>
        <translation>未找到凭据。已尝试：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>- %1: %2</source>
        <translation>- %1：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Set %1 and %2, run &quot;aliyun configure&quot;, or create ~/.alibabacloud/credentials.</source>
        <translation>请设置 %1 和 %2，运行 aliyun configure，或创建 ~/.alibabacloud/credentials。</translation>
    </message>
    <message>
        <location filename="../app/auth/credentialsfile.cpp" line="-176"/>
        <source>credentials file</source>
        <translation>凭据文件</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>credentials file %1</source>
        <translation>凭据文件 %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>section [%1]: %2</source>
        <translation>节 [%1]：%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>credentials file (section %1)</source>
        <translation>凭据文件（节 %1）</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>type &quot;%1&quot; is not supported; the types are access_key, sts, ram_role_arn, ecs_ram_role, oidc_role_arn and credentials_uri</source>
        <translation>不支持类型“%1”；支持的类型为 access_key、sts、ram_role_arn、ecs_ram_role、oidc_role_arn 和 credentials_uri</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>the file has no sections</source>
        <translation>文件中没有任何节</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>there is no [default] section (the file has: %1); set %2 to pick one</source>
        <translation>没有 [default] 节（文件中有：%1）；请设置 %2 来选择一个</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>there is no section [%1], which %2 names (the file has: %3)</source>
        <translation>没有 %2 指定的节 [%1]（文件中有：%3）</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>the file that %1 names does not exist</source>
        <translation>%1 指定的文件不存在</translation>
    </message>
    <message>
        <location filename="../app/auth/environmentsource.cpp" line="-105"/>
        <source>environment variables</source>
        <translation>环境变量</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 is set, but %2 and %3 are not</source>
        <translation>已设置 %1，但未设置 %2 和 %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 and %2 are not set</source>
        <translation>未设置 %1 和 %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 is set, but %2 is not</source>
        <translation>已设置 %1，但未设置 %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>environment</source>
        <translation>环境变量</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>OIDC environment variables</source>
        <translation>OIDC 环境变量</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1, %2 and %3 are not all set</source>
        <translation>%1、%2 和 %3 未全部设置</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>environment, OIDC %1</source>
        <translation>环境变量，OIDC %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not an http(s) URL</source>
        <translation>不是 http(s) URL</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>credentials URI %1://%2</source>
        <translation>凭据 URI %1://%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>ECS instance metadata</source>
        <translation>ECS 实例元数据</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>ECS instance RAM role</source>
        <translation>ECS 实例 RAM 角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ECS instance RAM role %1</source>
        <translation>ECS 实例 RAM 角色 %1</translation>
    </message>
    <message>
        <location filename="../app/auth/iniparser.cpp" line="+45"/>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the file is UTF-16 text; save it as UTF-8</source>
        <translation>文件是 UTF-16 文本，请另存为 UTF-8</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the file is not valid UTF-8 text</source>
        <translation>文件不是有效的 UTF-8 文本</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>a section header has no closing &apos;]&apos;</source>
        <translation>节标题缺少右方括号“]”</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the section name is empty</source>
        <translation>节名称为空</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unexpected text after the section header</source>
        <translation>节标题后有多余的文本</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>expected &quot;[section]&quot; or &quot;key = value&quot;</source>
        <translation>应为“[section]”或“key = value”</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the key is empty</source>
        <translation>键为空</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a quoted value has no closing quote</source>
        <translation>带引号的值缺少右引号</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>unexpected text after a quoted value</source>
        <translation>带引号的值后有多余的文本</translation>
    </message>
    <message>
        <location filename="../app/auth/savedaccount.cpp" line="+65"/>
        <source>The account needs a name.</source>
        <translation>账号需要名称。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The account&apos;s name cannot begin or end with a space.</source>
        <translation>账号名称不能以空格开头或结尾。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The account&apos;s name is longer than 64 characters.</source>
        <translation>账号名称超过 64 个字符。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The account&apos;s name cannot hold control or text-direction characters.</source>
        <translation>账号名称不能包含控制字符或文字方向字符。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The role needs its ARN.</source>
        <translation>角色需要其 ARN。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot; is not a role ARN (acs:ram::&lt;account id&gt;:role/&lt;role name&gt;).</source>
        <translation>“%1”不是角色 ARN（acs:ram::&lt;账号 ID&gt;:role/&lt;角色名&gt;）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The role needs an account to sign for it.</source>
        <translation>角色需要一个为其签名的账号。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The session name must be 2 to 64 letters, digits or . _ @ -.</source>
        <translation>会话名称必须是 2 到 64 个字母、数字或 . _ @ -。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; is not a region id (e.g. cn-hangzhou).</source>
        <translation>“%1”不是地域 ID（例如 cn-hangzhou）。</translation>
    </message>
</context>
<context>
    <name>dbs::cli</name>
    <message>
        <location filename="../app/cli/requestlogline.cpp" line="+35"/>
        <source>dbs-gateways: %1
</source>
        <translation>dbs-gateways：%1
</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>credentials: %1, valid until %2
</source>
        <translation>凭据：%1，有效期至 %2
</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>credentials: %1
</source>
        <translation>凭据：%1
</translation>
    </message>
</context>
<context>
    <name>dbs::cmdline</name>
    <message>
        <location filename="../app/cmdline/commandline.cpp" line="+149"/>
        <source>Usage: %1 %2</source>
        <translation>用法：%1 %2</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Options:</source>
        <translation>选项：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shows this help and exits.</source>
        <translation>显示本帮助并退出。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shows the version and exits.</source>
        <translation>显示版本并退出。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Default: %1.</source>
        <translation>默认：%1。</translation>
    </message>
</context>
<context>
    <name>dbs::endpoints</name>
    <message>
        <location filename="../app/api/endpoints.cpp" line="+60"/>
        <source>The endpoint &quot;%1&quot; is not a valid URL.</source>
        <translation>Endpoint“%1”不是有效的 URL。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Refusing to send credentials over plain http to %1: use https (http is allowed only for loopback addresses).</source>
        <translation>拒绝通过明文 http 向 %1 发送凭据：请使用 https（仅允许对环回地址使用 http）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unsupported URL scheme &quot;%1&quot;.</source>
        <translation>不支持的 URL 协议“%1”。</translation>
    </message>
</context>
<context>
    <name>dbs::signin</name>
    <message>
        <location filename="../app/signin/credentialanswers.cpp" line="+16"/>
        <source>the answer is larger than 64 KiB</source>
        <translation>应答大于 64 KiB</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the answer is not valid JSON (%1 at byte %2)</source>
        <translation>应答不是有效的 JSON（第 %2 字节处：%1）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the answer is not a JSON object</source>
        <translation>应答不是 JSON 对象</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 is not a string</source>
        <translation>%1 不是字符串</translation>
    </message>
    <message>
        <location line="+32"/>
        <location line="+6"/>
        <location line="+6"/>
        <source>%1 is missing or empty</source>
        <translation>%1 缺失或为空</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is not a UTC time such as 2026-12-03T12:00:00Z</source>
        <translation>%1 不是 UTC 时间（例如 2026-12-03T12:00:00Z）</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>the answer has no Code &quot;Success&quot;</source>
        <translation>应答中没有 Code “Success”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the answer&apos;s Code is not &quot;Success&quot;</source>
        <translation>应答的 Code 不是“Success”</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>the answer has no Credentials object</source>
        <translation>应答中没有 Credentials 对象</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>mode is neither AK nor StsToken</source>
        <translation>mode 既不是 AK 也不是 StsToken</translation>
    </message>
    <message>
        <location line="+18"/>
        <location filename="../app/signin/providers.cpp" line="+312"/>
        <source>the instance has no RAM role attached</source>
        <translation>实例未绑定 RAM 角色</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the answer is not a RAM role name</source>
        <translation>应答不是 RAM 角色名</translation>
    </message>
    <message>
        <location filename="../app/signin/providers.cpp" line="-271"/>
        <location line="+137"/>
        <source>Signing in with %1 failed: %2</source>
        <translation>使用 %1 登录失败：%2</translation>
    </message>
    <message>
        <location line="-116"/>
        <source>%1 is not an http(s) URL such as http://127.0.0.1:8080</source>
        <translation>%1 不是 http(s) URL（例如 http://127.0.0.1:8080）</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>no keys to assume the role with</source>
        <translation>没有用于扮演该角色的密钥</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>the OIDC token file %1 is missing or empty</source>
        <translation>OIDC 令牌文件 %1 缺失或为空</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>STS&apos;s answer: %1</source>
        <translation>STS 的应答：%1</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>%1 answered more than 64 KiB</source>
        <translation>%1 的应答超过 64 KiB</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no answer from %1 within %2 s</source>
        <translation>%1 在 %2 秒内没有应答</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>the metadata service gave no session token (HTTP %1), and IMDSv1 is disabled</source>
        <translation>元数据服务未给出会话令牌（HTTP %1），且 IMDSv1 已禁用</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>the metadata service answered HTTP %1 for the role name</source>
        <translation>元数据服务对角色名的应答为 HTTP %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>the metadata service answered HTTP %1 for the role %2</source>
        <translation>元数据服务对角色 %2 的应答为 HTTP %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the metadata service&apos;s answer: %1</source>
        <translation>元数据服务的应答：%1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>the URI answered HTTP %1</source>
        <translation>该 URI 的应答为 HTTP %1</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>could not run %1: %2</source>
        <translation>无法运行 %1：%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 did not finish within %2 s</source>
        <translation>%1 未在 %2 秒内结束</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 printed more than 64 KiB</source>
        <translation>%1 输出超过 64 KiB</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 crashed</source>
        <translation>%1 崩溃</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 exited with status %2</source>
        <translation>%1 以状态 %2 退出</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>what %1 printed: %2</source>
        <translation>%1 的输出：%2</translation>
    </message>
</context>
<context>
    <name>dbs::statuswords</name>
    <message>
        <location filename="../app/fleet/statuswords.cpp" line="+27"/>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Online: the gateway is connected and sending heartbeats.</source>
        <translation>在线：网关已连接，正在发送心跳。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offline: the gateway is not connected.</source>
        <translation>离线：网关未连接。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stopped: the gateway was stopped.</source>
        <translation>已停止：网关已被停止。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upgrading</source>
        <translation>升级中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upgrading: the gateway is installing a new version.</source>
        <translation>升级中：网关正在安装新版本。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>(unknown)</source>
        <translation>（未知）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (stale)</source>
        <translation>%1（心跳超时）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reports ONLINE, but its last heartbeat is older than the stale threshold.</source>
        <translation>状态为在线（ONLINE），但最后一次心跳早于超时阈值。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A status this version of the browser does not know.</source>
        <translation>此版本的浏览器无法识别该状态。</translation>
    </message>
</context>
<context>
    <name>dbs::timewords</name>
    <message>
        <location filename="../app/export/timewords.cpp" line="+25"/>
        <source>just now</source>
        <translation>刚刚</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n s ago</source>
        <translation>
            <numerusform>%n 秒前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n min ago</source>
        <translation>
            <numerusform>%n 分钟前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n h ago</source>
        <translation>
            <numerusform>%n 小时前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n day ago</source>
        <translation>
            <numerusform>%n 天前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n days ago</source>
        <translation>
            <numerusform>%n 天前</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+13"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/browser/main.cpp" line="+61"/>
        <source>Browse the backup gateways of Alibaba Cloud Database Backup (DBS).</source>
        <translation>浏览阿里云数据库备份 DBS 的备份网关。</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>Browse demo data from a simulator started in this process (no Alibaba Cloud account needed).</source>
        <translation>浏览本进程内启动的模拟器提供的演示数据（无需阿里云账号）。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Send requests to this URL instead of the region&apos;s endpoint (https, or http on loopback).</source>
        <translation>将请求发送到此 URL，而非该地域的 Endpoint（https，或环回地址上的 http）。</translation>
    </message>
    <message>
        <location filename="../app/cmdline/commandline.cpp" line="-108"/>
        <source>The user interface language (e.g. zh_CN); default: the system&apos;s.</source>
        <translation>界面语言（例如 zh_CN）；默认使用系统语言。</translation>
    </message>
    <message>
        <location filename="../app/browser/main.cpp" line="-5"/>
        <source>The region to show first (e.g. cn-hangzhou), or &quot;all&quot; for every region.</source>
        <translation>首先显示的地域（例如 cn-hangzhou），或用 &quot;all&quot; 表示所有地域。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Save the window as a PNG once the first page (or an error) is shown, then exit.</source>
        <translation>显示第一页（或错误）后将窗口保存为 PNG 图片，然后退出。</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>How many gateways the demo has.</source>
        <translation>演示数据中的网关数量。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The colors: system (the platform&apos;s or -style&apos;s), dark or light (Fusion style).</source>
        <translation>配色：system（平台或 -style 的配色）、dark 或 light（Fusion 风格）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Give up on --screenshot after this many seconds.</source>
        <translation>--screenshot 等待这么多秒后放弃。</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../app/simulator/main.cpp" line="+70"/>
        <source>[options]</source>
        <translation>[选项]</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../app/gateways/main.cpp" line="+286"/>
        <location filename="../app/simulator/main.cpp" line="+115"/>
        <source>Examples</source>
        <translation>示例</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The browser on demo data, no account needed.</source>
        <translation>在演示数据上运行浏览器，无需账号。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every region at once, in Chinese.</source>
        <translation>同时显示所有地域，使用中文界面。</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>no display: DISPLAY and WAYLAND_DISPLAY are not set (run it in a desktop session, or use dbs-gateways in a terminal)</source>
        <translation>没有显示器：DISPLAY 和 WAYLAND_DISPLAY 均未设置（请在桌面会话中运行，或在终端中使用 dbs-gateways）</translation>
    </message>
    <message>
        <location line="+21"/>
        <location filename="../app/gateways/main.cpp" line="+46"/>
        <location filename="../app/simulator/main.cpp" line="+13"/>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>多余的参数“%1”</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--demo-gateways wants a number from 0 to 1000000, not &quot;%1&quot;</source>
        <translation>--demo-gateways 需要 0 到 1000000 之间的数字，而不是“%1”</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>unknown region &quot;%1&quot;; known: %2</source>
        <translation>未知地域“%1”；已知地域：%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--screenshot-timeout wants a positive number of seconds</source>
        <translation>--screenshot-timeout 需要一个正数（秒）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--palette wants system, dark or light, not &quot;%1&quot;</source>
        <translation>--palette 应为 system、dark 或 light，而不是“%1”</translation>
    </message>
    <message>
        <location filename="../app/gateways/main.cpp" line="-235"/>
        <source>DBS region id, or &quot;all&quot; for every region.</source>
        <translation>DBS 地域 ID，或用 &quot;all&quot; 表示所有地域。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Endpoint URL instead of the region&apos;s.</source>
        <translation>使用此 Endpoint URL，而非该地域的默认 Endpoint。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>30, 50 or 100.</source>
        <translation>30、50 或 100。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only these gateways (comma-separated).</source>
        <translation>仅列出这些网关（以逗号分隔）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>v1 or v3.</source>
        <translation>v1 或 v3。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Log every request to standard error.</source>
        <translation>将每个请求记录到标准错误输出。</translation>
    </message>
    <message>
        <location line="+166"/>
        <source>Metrics of two accounts&apos; gateways for Prometheus, on 127.0.0.1:9742.</source>
        <translation>在 127.0.0.1:9742 为 Prometheus 提供两个账号的网关指标。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>usage: dbs-gateways list|watch|check|exporter --region R|all [options]; see --help</source>
        <translation>用法：dbs-gateways list|watch|check|exporter --region R|all [选项]；参见 --help</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unknown command &quot;%1&quot;; the commands are list, watch, check and exporter</source>
        <translation>未知命令“%1”；命令有 list、watch、check 和 exporter</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>--interval is for watch and exporter, not %1</source>
        <translation>--interval 用于 watch 和 exporter，而不是 %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--%1 is for exporter, not %2</source>
        <translation>--%1 用于 exporter，而不是 %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--profile is given once (only exporter lists several accounts)</source>
        <translation>--profile 只能给一次（只有 exporter 列出多个账号）</translation>
    </message>
    <message>
        <location line="+125"/>
        <source>unknown column &quot;%1&quot;; the columns are: %2</source>
        <translation>未知的列 &quot;%1&quot;；可用的列：%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--columns names no column</source>
        <translation>--columns 没有指定任何列</translation>
    </message>
    <message>
        <location line="-373"/>
        <source>Pages in flight at once, per region (--region all lists every region at once). Over HTTP/1.1 one host gets at most six connections, so more helps only over HTTP/2.</source>
        <translation>每个地域同时请求的页数（--region all 同时列出所有地域）。HTTP/1.1 下每个主机最多六个连接，因此更大的值只在 HTTP/2 下有用。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>json, csv, table or xlsx (an Excel workbook: ids and addresses as text, times as dates in UTC; needs --output FILE).</source>
        <translation>json、csv、table 或 xlsx（Excel 工作簿：ID 为文本，时间为 UTC 日期；需 --output FILE）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Write to FILE, replacing it only once the list is complete, or partial with --region all (exit 3); &quot;-&quot; is standard output.</source>
        <translation>写入 FILE，仅在列表完整时替换它，或在 --region all 部分完成时（退出码 3）写入部分列表；“-”表示标准输出。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>list --format csv for a spreadsheet: the browser&apos;s export (byte-order mark, column titles, every field, ISO-8601 UTC beside each time, cells that look like formulas neutralised). Without it csv holds the API&apos;s values, for programs.</source>
        <translation>list --format csv 供电子表格使用：与浏览器导出相同（字节顺序标记、列标题、全部字段、每个时间旁附 ISO-8601 UTC，形似公式的单元格被中和）。不加此选项时 csv 保存 API 的原始值，供程序使用。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>list --format table on a terminal: every column whole, however wide (piped, it always is).</source>
        <translation>在终端上使用 list --format table 时：无论多宽都完整显示每一列（通过管道输出时总是如此）。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Send STS calls (AssumeRole, AssumeRoleWithOIDC) here instead of sts.aliyuncs.com or the profile&apos;s STS region (also DBS_STS_ENDPOINT).</source>
        <translation>将 STS 调用（AssumeRole、AssumeRoleWithOIDC）发往此处，而不是 sts.aliyuncs.com 或配置的 STS 地域（也可用 DBS_STS_ENDPOINT）。</translation>
    </message>
    <message>
        <location line="-104"/>
        <source>list|watch|check|exporter --region R|all [options]</source>
        <translation>list|watch|check|exporter --region R|all [选项]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lists Alibaba Cloud DBS backup gateways (DescribeBackupGatewayList).
  list   every gateway of a region (or of all regions), as json, csv, a table or an Excel workbook
  watch  one JSON line per change (added, removed, status, stale, recovered) until interrupted
  check  a monitoring plugin (Nagios, Icinga, Zabbix, Checkmk, Sensu): one status line with performance data, exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (a region or the sign-in that fails, a wrong command line or --timeout)
  exporter  Prometheus metrics on --listen (/metrics): gateways by status, stale ones and whether each region could be read, per account (--profile, repeated) and region, listed every --interval; until SIGTERM or SIGINT
Credentials come from the environment (keys, or an OIDC role), else the aliyun CLI&apos;s current profile (every mode: keys, roles to assume, the ECS instance&apos;s role, a credentials URI, an external process, a cached CloudSSO sign-in), else the credentials file, else a credentials URI, else the ECS instance&apos;s RAM role (see Environment and Files). Temporary credentials are renewed before they run out.
Exit status: 0 done, 1 failed (standard error says why), 2 wrong command line, 3 partial (--region all: some regions failed, named on standard error; the others&apos; gateways are in the output).</source>
        <translation>列出阿里云 DBS 备份网关（DescribeBackupGatewayList）。
  list   列出一个地域（或所有地域）的所有网关，格式为 json、csv、表格或 Excel 工作簿
  watch  每次变化输出一行 JSON（added、removed、status、stale、recovered），直到被中断
  check  监控插件（Nagios、Icinga、Zabbix、Checkmk、Sensu）：一行状态及性能数据，退出状态 0 OK、1 WARNING、2 CRITICAL、3 UNKNOWN（地域或登录失败、命令行有误或 --timeout）
  exporter  在 --listen 上提供 Prometheus 指标（/metrics）：按状态统计的网关、停滞的网关以及每个地域能否读取，按账号（--profile，可重复）和地域，每 --interval 列出一次；直到 SIGTERM 或 SIGINT
凭据依次取自环境变量（密钥或 OIDC 角色）、aliyun CLI 的当前配置（所有模式：密钥、要扮演的角色、ECS 实例角色、凭据 URI、外部进程、缓存的 CloudSSO 登录）、凭据文件、凭据 URI，最后是 ECS 实例的 RAM 角色（见“环境”和“文件”）。临时凭据在过期前自动更新。
退出状态：0 完成，1 失败（标准错误输出说明原因），2 命令行有误，3 部分完成（--region all：部分地域失败，其名称见标准错误输出；其他地域的网关在输出中）。</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Sign in with this aliyun CLI profile (as the aliyun CLI&apos;s --profile), not the credential chain. exporter: repeat it for several accounts, each the account label of its series.</source>
        <translation>使用此 aliyun CLI 配置登录（同 aliyun CLI 的 --profile），而不是凭据链。exporter：可重复给出以列出多个账号，每个账号即其指标的 account 标签。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>watch, exporter: how often to look, at least 1s.</source>
        <translation>watch、exporter：查看的间隔，至少 1s。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>check: WARNING when the number of OFFLINE gateways is outside RANGE (a monitoring-plugin range: 10, 10:, ~:10, 10:20, @10:20).</source>
        <translation>check：离线（OFFLINE）网关数超出 RANGE 时为 WARNING（监控插件范围：10、10:、~:10、10:20、@10:20）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>check: CRITICAL when the number of OFFLINE gateways is outside RANGE.</source>
        <translation>check：离线（OFFLINE）网关数超出 RANGE 时为 CRITICAL。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>check: WARNING when the number of stale gateways is outside RANGE.</source>
        <translation>check：心跳超时网关数超出 RANGE 时为 WARNING。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>check: CRITICAL when the number of stale gateways is outside RANGE.</source>
        <translation>check：心跳超时网关数超出 RANGE 时为 CRITICAL。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>check: UNKNOWN when the service has not answered within DURATION.</source>
        <translation>check：服务在 DURATION 内未应答时为 UNKNOWN。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>exporter: where to serve, HOST:PORT ([ADDRESS]:PORT for IPv6; a PORT alone is on loopback). 0.0.0.0:PORT serves every interface.</source>
        <translation>exporter：提供服务的地址，主机:端口（IPv6 写作 [地址]:端口；只写端口即环回地址）。0.0.0.0:端口 在所有网络接口上提供服务。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>exporter: which gateways get series of their own: all, problems (not ONLINE, or stale; what the alerts need) or none.</source>
        <translation>exporter：哪些网关有自己的指标序列：all（全部）、problems（非 ONLINE 或已停滞；告警所需）或 none（无）。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The AccessKey to sign with; with ALIBABA_CLOUD_SECURITY_TOKEN, an STS one.</source>
        <translation>用于签名的 AccessKey；同时设置 ALIBABA_CLOUD_SECURITY_TOKEN 时为 STS 凭据。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>With ALIBABA_CLOUD_ROLE_ARN: an OIDC role to assume with the token in the file (e.g. a Kubernetes service account&apos;s); ALIBABA_CLOUD_ROLE_SESSION_NAME, ALIBABA_CLOUD_STS_REGION and ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED refine it.</source>
        <translation>与 ALIBABA_CLOUD_ROLE_ARN 一起：用文件中的令牌（例如 Kubernetes 服务账号的令牌）扮演的 OIDC 角色；ALIBABA_CLOUD_ROLE_SESSION_NAME、ALIBABA_CLOUD_STS_REGION 和 ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED 可进一步设置。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The aliyun CLI profile to use instead of its current one.</source>
        <translation>要使用的 aliyun CLI 配置，代替其当前配置。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The aliyun CLI&apos;s config instead of ~/.aliyun/config.json.</source>
        <translation>aliyun CLI 的配置文件，替代 ~/.aliyun/config.json。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>true: the aliyun CLI&apos;s profiles are not read.</source>
        <translation>为 true 时不读取 aliyun CLI 的配置。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The credentials file instead of ~/.alibabacloud/credentials.</source>
        <translation>凭据文件，代替 ~/.alibabacloud/credentials。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A URL that answers temporary credentials.</source>
        <translation>返回临时凭据的 URL。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The ECS instance&apos;s RAM role name (else it is asked for); ALIBABA_CLOUD_ECS_METADATA_DISABLED=true skips instance metadata, ALIBABA_CLOUD_IMDSV1_DISABLED=true allows only IMDSv2.</source>
        <translation>ECS 实例的 RAM 角色名（否则自动查询）；ALIBABA_CLOUD_ECS_METADATA_DISABLED=true 跳过实例元数据，ALIBABA_CLOUD_IMDSV1_DISABLED=true 只允许 IMDSv2。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>As --sts-endpoint.</source>
        <translation>同 --sts-endpoint。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The instance metadata service instead of http://100.100.100.200 (e.g. the simulator&apos;s).</source>
        <translation>实例元数据服务，替代 http://100.100.100.200（例如模拟器的）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The proxy to reach the service through.</source>
        <translation>访问服务所经的代理。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The terminal&apos;s width, for --format table.</source>
        <translation>终端宽度，用于 --format table。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>More diagnostics on standard error, e.g. &quot;dbs.*.debug=true&quot;.</source>
        <translation>在标准错误输出更多诊断信息，例如“dbs.*.debug=true”。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The aliyun CLI&apos;s profiles (&quot;aliyun configure&quot; writes it).</source>
        <translation>aliyun CLI 的配置（由“aliyun configure”写入）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Credentials in INI form, section [default].</source>
        <translation>INI 格式的凭据，[default] 节。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every gateway of one region, as a table.</source>
        <translation>一个地域的所有网关，以表格显示。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The offline gateways of every region, as CSV for a program.</source>
        <translation>所有地域中离线的网关，以供程序使用的 CSV 输出。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every gateway, as CSV for a spreadsheet.</source>
        <translation>所有网关，以供电子表格使用的 CSV 输出。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every gateway, as an Excel workbook.</source>
        <translation>所有网关，导出为 Excel 工作簿。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One JSON line per change, looking every minute.</source>
        <translation>每分钟查看一次，每次变化输出一行 JSON。</translation>
    </message>
    <message>
        <location line="+246"/>
        <source>--gateway-metrics must be all, problems or none</source>
        <translation>--gateway-metrics 必须是 all、problems 或 none</translation>
    </message>
    <message>
        <location line="-203"/>
        <source>--%1 is for list, not %2</source>
        <translation>--%1 用于 list，而不是 %2</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>--%1 is for check, not %2</source>
        <translation>--%1 用于 check，而不是 %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--region is required</source>
        <translation>必须指定 --region</translation>
    </message>
    <message>
        <location line="+10"/>
        <location filename="../app/simulator/main.cpp" line="+33"/>
        <location line="+11"/>
        <source>unknown region &quot;%1&quot;</source>
        <translation>未知地域“%1”</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--page-size must be 30, 50 or 100</source>
        <translation>--page-size 必须是 30、50 或 100</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--signature must be v1 or v3</source>
        <translation>--signature 必须是 v1 或 v3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--concurrency must be from 1 to 64</source>
        <translation>--concurrency 必须在 1 到 64 之间</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>--columns is for --format csv or table; json has every field</source>
        <translation>--columns 用于 --format csv 或 table；json 包含全部字段</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--columns is for --format csv or table; xlsx has every field, as the browser exports them</source>
        <translation>--columns 用于 --format csv 或 table；xlsx 包含所有字段，与浏览器导出的相同</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--wide is for --format table; json and csv always hold every column whole</source>
        <translation>--wide 仅用于 --format table；json 和 csv 总是完整包含每一列</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--spreadsheet is for --format csv</source>
        <translation>--spreadsheet 用于 --format csv</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--spreadsheet has every field, as the browser exports them; --columns is for plain csv</source>
        <translation>--spreadsheet 包含全部字段，与浏览器导出相同；--columns 用于普通 csv</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--output wants a file name, or -</source>
        <translation>--output 需要文件名或 -</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--format xlsx writes an Excel workbook to a file: give it with --output FILE (standard output is not a file)</source>
        <translation>--format xlsx 将 Excel 工作簿写入文件：请用 --output FILE 指定（标准输出不是文件）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>unknown status &quot;%1&quot;; the statuses are %2</source>
        <translation>未知状态“%1”；状态有 %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--stale-after wants a duration from 1ms to 366d, such as 90s, 5m or 1h30m</source>
        <translation>--stale-after 需要 1ms 到 366d 之间的时长，例如 90s、5m 或 1h30m</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>--interval wants a duration from 1s to 366d, such as 30s, 5m or 1h30m</source>
        <translation>--interval 需要 1s 到 366d 之间的时长，例如 30s、5m 或 1h30m</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>--timeout wants a duration from 1ms to 366d, such as 10s or 1m</source>
        <translation>--timeout 需要 1ms 到 366d 之间的时长，例如 10s 或 1m</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>--profile wants a profile name</source>
        <translation>--profile 需要一个配置名称</translation>
    </message>
    <message>
        <location filename="../app/simulator/main.cpp" line="-159"/>
        <source>Inventory size.</source>
        <translation>模拟的网关数量。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Inventory seed.</source>
        <translation>生成模拟网关所用的随机种子。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only these regions (comma-separated).</source>
        <translation>仅包含这些地域（以逗号分隔）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Accept this key (repeatable); default: the demo key.</source>
        <translation>接受此密钥（可重复指定）；默认：演示密钥。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delay every answer by MS milliseconds.</source>
        <translation>每个响应延迟 MS 毫秒。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Inject a fault with probability RATE per request (%1); repeatable, the rates adding up to 1 at most.</source>
        <translation>对每个请求以 RATE 的概率注入故障（%1）；可重复指定，各概率之和不超过 1。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Change the inventory RATE times a second while serving: gateways added, removed, going offline, back online or falling silent (stale).</source>
        <translation>运行时每秒改变网关清单 RATE 次：新增、移除、离线、恢复在线或停止心跳（超时）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Refuse requests for region R as a key without permission there (403 Forbidden.RAM); repeatable.</source>
        <translation>像没有该地域权限的密钥一样拒绝地域 R 的请求（403 Forbidden.RAM）；可重复。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The PageNum of the first page: 0, as DBS counts, or 1 (PageNum 0 is then answered as page 1).</source>
        <translation>第一页的 PageNum：0（DBS 的计数方式），或 1（此时 PageNum 0 按第 1 页回答）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keys issued by STS (AssumeRole, AssumeRoleWithOIDC) and by instance metadata expire after SECONDS at most; a DurationSeconds asked for may make it less.</source>
        <translation>STS（AssumeRole、AssumeRoleWithOIDC）和实例元数据签发的密钥最多 SECONDS 秒后过期；请求的 DurationSeconds 可使其更短。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Also serve ECS instance metadata (IMDS, /latest/...), handing out keys of the RAM role NAME; without it those paths answer 404.</source>
        <translation>同时提供 ECS 实例元数据（IMDS，/latest/...），签发 RAM 角色 NAME 的密钥；不指定时这些路径返回 404。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Answer instance metadata only with a session token (IMDSv2); requests without one get 401.</source>
        <translation>实例元数据只应答带会话令牌的请求（IMDSv2）；不带令牌的请求得到 401。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Append a JSON line to FILE for every key STS or instance metadata issues: kind, AccessKeyId, role and expiration, never a secret or token.</source>
        <translation>STS 或实例元数据每签发一个密钥，就向 FILE 追加一行 JSON：类型、AccessKeyId、角色和过期时间，从不包含密钥或令牌。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Share the gateways among N accounts: the keys given and instance metadata see account 0&apos;s, a role&apos;s keys those of the account in its ARN (modulo N).</source>
        <translation>将网关分给 N 个账号：给定的密钥和实例元数据看到账号 0 的网关，角色的密钥看到其 ARN 中账号（对 N 取模）的网关。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>A large inventory behind a slow network.</source>
        <translation>慢速网络后的大量网关。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One answer in ten a 503, pages counted from 1.</source>
        <translation>十个应答中有一个为 503，页码从 1 开始。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Instance metadata for the role demo-role, whose keys expire after a minute.</source>
        <translation>为角色 demo-role 提供实例元数据，其密钥一分钟后过期。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>--listen wants HOST:PORT, not &quot;%1&quot;</source>
        <translation>--listen 需要 HOST:PORT 格式，而不是“%1”</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--gateways wants a count from 0 to 10000000</source>
        <translation>--gateways 需要 0 到 10000000 之间的数量</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--seed wants a non-negative integer</source>
        <translation>--seed 需要非负整数</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--latency-ms wants a non-negative integer</source>
        <translation>--latency-ms 需要非负整数</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--page-base wants 0 or 1, not &quot;%1&quot;</source>
        <translation>--page-base 需要 0 或 1，而不是“%1”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--clock-offset-ms wants an integer</source>
        <translation>--clock-offset-ms 需要整数</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>--churn wants a rate above 0 and at most 1000 changes a second</source>
        <translation>--churn 需要大于 0 且不超过每秒 1000 次的速率</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>--access-key wants ID:SECRET[:STS_TOKEN]</source>
        <translation>--access-key 需要 ID:SECRET[:STS_TOKEN] 格式</translation>
    </message>
    <message>
        <location line="-140"/>
        <source>Run the server&apos;s clock MS milliseconds ahead.</source>
        <translation>将服务器时钟调快 MS 毫秒。</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>A local Alibaba Cloud DBS endpoint (DescribeBackupGatewayList) that checks signatures like the real service. Its first line on standard output is &quot;listening on http://HOST:PORT&quot;; it runs until SIGINT or SIGTERM.</source>
        <translation>本地的阿里云 DBS Endpoint（DescribeBackupGatewayList），像真实服务一样校验签名。它在标准输出的第一行是“listening on http://HOST:PORT”；一直运行到收到 SIGINT 或 SIGTERM。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Address to listen on: a loopback address, or 100.100.100.200 (instance metadata&apos;s, inside a test&apos;s network namespace).</source>
        <translation>监听地址：环回地址，或 100.100.100.200（实例元数据的地址，在测试自己的网络命名空间内）。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Serve HTTPS with this PEM certificate (chain); needs --tls-key.</source>
        <translation>使用此 PEM 证书（链）提供 HTTPS 服务；需要同时指定 --tls-key。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The PEM private key of --tls-cert (unencrypted).</source>
        <translation>--tls-cert 的 PEM 私钥（未加密）。</translation>
    </message>
    <message>
        <location line="+147"/>
        <source>--sts-duration wants a whole number of seconds, 1 or more</source>
        <translation>--sts-duration 需要 1 或更大的整数秒数</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--accounts wants a number from 1 to 1000</source>
        <translation>--accounts 需要 1 到 1000 之间的数字</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--ecs-role wants a RAM role name (1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;), not &quot;%1&quot;</source>
        <translation>--ecs-role 需要 RAM 角色名（1 到 64 个字母、数字、“.”、“_”或“-”），而不是“%1”</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--issued-log wants a file name</source>
        <translation>--issued-log 需要一个文件名</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--imds-v2-only needs --ecs-role</source>
        <translation>--imds-v2-only 需要同时指定 --ecs-role</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--tls-cert and --tls-key go together</source>
        <translation>--tls-cert 与 --tls-key 必须同时指定</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--tls-cert and --tls-key want a file name</source>
        <translation>--tls-cert 和 --tls-key 需要文件名</translation>
    </message>
    <message>
        <location filename="../app/gateways/main.cpp" line="-391"/>
        <source>Also trust the CA certificates in FILE (PEM or DER) for https, besides the system&apos;s.</source>
        <translation>除系统的 CA 证书外，https 还信任 FILE（PEM 或 DER）中的 CA 证书。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>list: only gateways with these statuses (comma-separated, e.g. OFFLINE,STOPPED).</source>
        <translation>list：只列出这些状态的网关（逗号分隔，例如 OFFLINE,STOPPED）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A gateway is stale when ONLINE with a heartbeat older than this (e.g. 90s, 5m, 1h). list: only those (or those too, with --status). watch: when to say &quot;stale&quot; (default 5m).</source>
        <translation>在线但心跳早于此时长的网关视为心跳超时（例如 90s、5m、1h）。list：只列出这些网关（与 --status 一起使用时也包括这些）。watch：何时报告 &quot;stale&quot;（默认 5m）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>list --format csv or table: only these fields, in this order (API names, comma-separated).</source>
        <translation>list --format csv 或 table：只输出这些字段，按此顺序（API 字段名，逗号分隔）。</translation>
    </message>
    <message>
        <location line="+255"/>
        <source>--format must be json, csv, table or xlsx</source>
        <translation>--format 必须是 json、csv、table 或 xlsx</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--ca-file wants a file name</source>
        <translation>--ca-file 需要文件名</translation>
    </message>
</context>
</TS>
