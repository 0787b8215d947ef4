#include "environment.h"

#include <sim/simulator.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace fixture {

QProcessEnvironment environment(const QStringList &variables)
{
    QProcessEnvironment env;
    for (const QString &variable : variables) {
        const qsizetype eq = variable.indexOf(u'=');
        env.insert(variable.left(eq), variable.mid(eq + 1));
    }
    return env;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

QProcessEnvironment cleanEnvironment(const QString &home)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QStringList keys = env.keys();
    for (const QString &key : keys) {
        if (key.startsWith(QLatin1String("ALIBABA_CLOUD_")))
            env.remove(key);
    }
    env.insert(QStringLiteral("HOME"), home);
    return env;
}

QProcessEnvironment demoEnvironment(const QString &home)
{
    QProcessEnvironment env = cleanEnvironment(home);
    env.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID"),
               QString::fromLatin1(dbs::demoAccessKeyId));
    env.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET"),
               QString::fromLatin1(dbs::demoAccessKeySecret));
    return env;
}

ProcessResult runProcess(const QString &program, const QStringList &arguments,
                         const QProcessEnvironment &environment, int timeoutMs)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    ProcessResult result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        qWarning("%s did not finish within %d ms", qPrintable(program), timeoutMs);
        return result;
    }
    result.finished = true;
    result.exitCode = process.exitCode();
    result.status = process.exitStatus();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

} // namespace fixture
