#pragma once

#include <QList>
#include <QStringList>

namespace dbs {

// Columns padded to their widest cell (by display width, so CJK text lines up), separated by
// two spaces; the last column is not padded.
QByteArray alignedTable(const QList<QStringList> &rows);
int displayWidth(const QString &text);

} // namespace dbs
