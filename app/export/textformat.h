#pragma once

#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace dbs {

// Columns padded to their widest cell (by display width, so CJK text lines up), separated by
// two spaces; the last column is not padded.
QByteArray alignedTable(const QList<QStringList> &rows);
int displayWidth(const QString &text);

// `rows` (a header first) narrowed to `width` terminal cells once aligned: the widest columns
// are shortened first, their cells ending in "…", down to a few cells each; columns that still
// do not fit are left out from the right. A width of 0 or less leaves the rows as they are.
QList<QStringList> fitTable(const QList<QStringList> &rows, int width);

// `text` cut to at most `width` cells, ending in "…" when cut.
QString elided(const QString &text, int width);

// Text from outside (a gateway's name is set on the customer's host) as a terminal or a log
// shows it, never obeys it: every control character (C0, DEL, C1), line and paragraph
// separator and bidirectional control is written as a visible escape (\n, \t, \e, \x7F,
// \u202E), so that it cannot colour the terminal, move the cursor, break the line or reorder
// what follows. Everything else, backslashes included, stays as it is.
QString visibleText(const QString &text);

// `object` as one line of JSON for a terminal or a log: compact, and every character that
// visibleText() escapes written as a \uXXXX escape (the same value for a JSON reader).
QByteArray compactJson(const QJsonObject &object);

} // namespace dbs
