#include "standardoutput.h"

#include <QFile>
#include <QFileDevice>

#include <cerrno>

#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

namespace dbs {

bool writeAll(QIODevice *out, const QByteArray &bytes, bool *quiet)
{
    errno = 0;
    bool written = out->write(bytes) == bytes.size();
    // A QFile on stdout writes through the C library's buffer: out now, and any error with it.
    if (auto *file = qobject_cast<QFileDevice *>(out); written && file)
        written = file->flush();
    *quiet = !written && errno == EPIPE;
    return written;
}

bool readerGone(QIODevice *out)
{
    const auto *file = qobject_cast<QFileDevice *>(out);
    if (!file || file->handle() < 0)
        return false;
    // A pipe's writing end reports POLLERR once no one can read it any more.
    pollfd descriptor{file->handle(), 0, 0};
    return ::poll(&descriptor, 1, 0) == 1 && (descriptor.revents & (POLLERR | POLLHUP)) != 0;
}

bool isStandardOutput(const QString &path)
{
    struct stat named = {};
    struct stat out = {};
    return ::stat(QFile::encodeName(path).constData(), &named) == 0 &&
           ::fstat(STDOUT_FILENO, &out) == 0 && named.st_dev == out.st_dev &&
           named.st_ino == out.st_ino;
}

} // namespace dbs
