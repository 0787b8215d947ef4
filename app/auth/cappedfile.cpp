#include "cappedfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace dbs {

namespace {
FileContent failed(const QString &error)
{
    return {FileContent::Status::Failed, {}, error};
}

QString tooLarge(qint64 maxBytes)
{
    return QCoreApplication::translate("dbs::auth", "the file is larger than %1 KiB")
        .arg(maxBytes / 1024);
}
} // namespace

FileContent readCappedFile(const QString &path, qint64 maxBytes)
{
    const QFileInfo info(path);
    if (!info.exists())
        return {};
    // FIFOs and devices could block or never end; directories cannot be read at all.
    if (!info.isFile())
        return failed(QCoreApplication::translate("dbs::auth", "it is not a regular file"));
    if (info.size() > maxBytes)
        return failed(tooLarge(maxBytes));

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failed(
            QCoreApplication::translate("dbs::auth", "cannot open it: %1").arg(file.errorString()));
    // One byte more than allowed tells a file that grew since stat() from one that fits.
    QByteArray data = file.read(maxBytes + 1);
    if (data.size() > maxBytes)
        return failed(tooLarge(maxBytes));
    if (file.error() != QFileDevice::NoError)
        return failed(
            QCoreApplication::translate("dbs::auth", "cannot read it: %1").arg(file.errorString()));
    return {FileContent::Status::Ok, data, {}};
}

} // namespace dbs
