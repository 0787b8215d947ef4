#include "identifierlookup.h"

#include <QRegularExpression>

namespace dbs {

namespace {
const QRegularExpression &separators()
{
    static const QRegularExpression re(QStringLiteral("[\\s,;]+"));
    return re;
}
} // namespace

IdentifierLookup::IdentifierLookup(QWidget *parent) : QLineEdit(parent)
{
    setObjectName(QStringLiteral("identifierLookup"));
    setClearButtonEnabled(true);
    setPlaceholderText(tr("Identifiers (paste one or many)…"));
    setToolTip(tr("Looks gateways up on the server by Identifier. Separate several with commas, "
                  "spaces or new lines, then press Enter. Clear the field to list every "
                  "gateway again."));
    connect(this, &QLineEdit::textEdited, this, &IdentifierLookup::onTextEdited);
    connect(this, &QLineEdit::returnPressed, this, &IdentifierLookup::apply);
    // The clear button and select-all-delete both come through here.
    connect(this, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.trimmed().isEmpty() && !m_applied.isEmpty())
            apply();
    });
}

QStringList IdentifierLookup::parse(const QString &text)
{
    QStringList ids;
    const QStringList parts = text.split(separators(), Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        if (!ids.contains(part))
            ids.append(part);
    }
    return ids;
}

void IdentifierLookup::setIdentifiers(const QStringList &ids)
{
    m_applied = ids;
    const QSignalBlocker blocker(this);
    setText(ids.join(QStringLiteral(", ")));
}

void IdentifierLookup::onTextEdited(const QString &text)
{
    // A pasted column arrives with new lines and tabs, which a one-line field would hide:
    // show it as the list it is.
    if (text.contains(u'\n') || text.contains(u'\r') || text.contains(u'\t')) {
        const QString tidy = parse(text).join(QStringLiteral(", "));
        setText(tidy);
        setCursorPosition(int(tidy.size()));
    }
}

void IdentifierLookup::apply()
{
    const QStringList ids = parse(text());
    if (ids == m_applied)
        return;
    m_applied = ids;
    Q_EMIT lookupChanged(ids);
}

} // namespace dbs
