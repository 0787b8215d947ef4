// libFuzzer target: the aliyun CLI profile reader (~/.aliyun/config.json):
// dbs::parseCliProfiles() and cliProfileFromJson() with each way of picking a profile.
#include <auth/cliprofiles.h>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const dbs::CliProfileList list = dbs::parseCliProfiles(json);

    (void)dbs::cliProfileFromJson(json, QProcessEnvironment());
    (void)dbs::cliProfileFromJson(json, QProcessEnvironment(), QStringLiteral("default"));
    QProcessEnvironment named;
    named.insert(QStringLiteral("ALIBABA_CLOUD_PROFILE"), QStringLiteral("prod"));
    (void)dbs::cliProfileFromJson(json, named);
    // Every listed name can be asked for.
    for (const dbs::CliProfile &profile : list.profiles) {
        if (!profile.name.isEmpty())
            (void)dbs::cliProfileFromJson(json, QProcessEnvironment(), profile.name);
    }
    return 0;
}
