#include "secretscan.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>

namespace fixture {

QStringList filesContaining(const QString &root, const QList<QByteArray> &needles,
                            const QStringList &except)
{
    QList<QByteArray> forms;
    for (const QByteArray &needle : needles) {
        forms.append(needle);
        const QString text = QString::fromUtf8(needle);
        forms.append(QByteArray(reinterpret_cast<const char *>(text.utf16()),
                                text.size() * 2)); // UTF-16LE
        forms.append(needle.toBase64(QByteArray::OmitTrailingEquals).left(needle.size()));
    }
    QStringList hits;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System | QDir::NoSymLinks,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (except.contains(path))
            continue;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray content = file.readAll();
        for (const QByteArray &form : std::as_const(forms)) {
            if (content.contains(form)) {
                hits.append(path);
                break;
            }
        }
    }
    return hits;
}

} // namespace fixture
