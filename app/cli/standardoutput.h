#pragma once

#include <QByteArray>
#include <QString>

class QIODevice;

namespace dbs {

// Writes all of `bytes` to `out`, and flushes a file. False when it could not: then `*quiet`
// says whether the reason is only that the reader went away (EPIPE: `| head` has what it
// wanted), which other Unix tools do not report either.
bool writeAll(QIODevice *out, const QByteArray &bytes, bool *quiet);

// Whether `out` is a pipe or socket whose reader has gone, without writing to it: a watch that
// has nothing to say would otherwise never notice. False for anything else.
bool readerGone(QIODevice *out);

// Whether `path` names this process's standard output (/dev/stdout, /proc/self/fd/1, or the
// file it is redirected to): writing there by name would truncate what `>>` appends to.
bool isStandardOutput(const QString &path);

} // namespace dbs
