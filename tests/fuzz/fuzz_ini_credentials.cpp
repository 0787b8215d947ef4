// libFuzzer target: the INI reader (dbs::parseIni) and the credentials file on top of it
// (dbs::credentialsFromIni) with the [default] section and a named one.
#include <auth/credentialsfile.h>
#include <auth/iniparser.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray content(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const dbs::IniDocument document = dbs::parseIni(content);
    for (const QString &name : document.sectionNames()) {
        if (!document.section(name))
            std::abort(); // every listed section can be looked up
    }

    (void)dbs::credentialsFromIni(content, QProcessEnvironment());
    QProcessEnvironment named;
    named.insert(QStringLiteral("ALIBABA_CLOUD_PROFILE"), QStringLiteral("prod"));
    (void)dbs::credentialsFromIni(content, named);
    return 0;
}
