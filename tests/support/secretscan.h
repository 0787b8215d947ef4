#pragma once

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace fixture {

// Every file under root (hidden ones included, symlinks not followed) that contains one of
// the needles as UTF-8, UTF-16 or base64: what "the secret appears in no file" checks.
// `except` lists files allowed to hold them (e.g. the aliyun CLI's own config).
QStringList filesContaining(const QString &root, const QList<QByteArray> &needles,
                            const QStringList &except = {});

} // namespace fixture
