#pragma once

#include <QLineEdit>
#include <QStringList>

namespace dbs {

// The toolbar's Identifier lookup: one or many gateway identifiers, separated by commas, spaces,
// semicolons or new lines (pasted from a spreadsheet column). Enter runs the lookup on the
// server; clearing the field returns to the full list.
class IdentifierLookup final : public QLineEdit
{
    Q_OBJECT
public:
    explicit IdentifierLookup(QWidget *parent = nullptr);

    // The distinct identifiers in `text`, in the order given.
    static QStringList parse(const QString &text);

    QStringList identifiers() const { return m_applied; }
    // Shows `ids` as applied, without emitting lookupChanged (restoring a window).
    void setIdentifiers(const QStringList &ids);

Q_SIGNALS:
    void lookupChanged(const QStringList &identifiers);

private:
    void onTextEdited(const QString &text);
    void apply();

    QStringList m_applied;
};

} // namespace dbs
