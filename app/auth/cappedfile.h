#pragma once

#include <QByteArray>
#include <QString>

namespace dbs {

// Credential files are tiny; anything bigger is a mistake (or /dev/zero) and must not be read
// into memory.
inline constexpr qint64 maxCredentialFileSize = 1024 * 1024;

struct FileContent
{
    enum class Status { Ok, Missing, Failed };

    Status status = Status::Missing;
    QByteArray data;
    QString error; // translated; set when Failed
};

// Reads a regular file of at most maxBytes. A missing file is not an error by itself: the
// caller decides whether it was expected.
FileContent readCappedFile(const QString &path, qint64 maxBytes = maxCredentialFileSize);

} // namespace dbs
