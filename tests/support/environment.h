#pragma once

// What a test sets up around the code it tests: environments (none of the user's credentials
// in them), files, and programs run as processes to their end.

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

namespace fixture {

// Exactly these variables ("NAME=value" each), nothing of this process's environment.
QProcessEnvironment environment(const QStringList &variables);

// Writes the file, and the folders it needs first.
bool writeFile(const QString &path, const QByteArray &data);

// This process's environment without the user's credentials (no ALIBABA_CLOUD_* variable) and
// with `home` as HOME, so that no profile of the user's can answer either.
QProcessEnvironment cleanEnvironment(const QString &home);

// cleanEnvironment with the simulator's demo key in the variables the credential chain reads.
QProcessEnvironment demoEnvironment(const QString &home);

struct ProcessResult
{
    bool finished = false; // false: killed after the wait
    int exitCode = -1;
    QProcess::ExitStatus status = QProcess::CrashExit;
    QByteArray out;
    QByteArray err;
};

// Runs the program to its end; one still running after timeoutMs is killed (with a warning).
ProcessResult runProcess(const QString &program, const QStringList &arguments,
                         const QProcessEnvironment &environment, int timeoutMs = 60000);

} // namespace fixture
