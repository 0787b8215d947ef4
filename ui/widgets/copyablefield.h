#pragma once

#include <QWidget>

class QLineEdit;
class QToolButton;

namespace dbs {

// One value in the detail pane: read-only text that selects with mouse and keyboard, and an
// optional copy button. The line edit carries `objectName`, the button `objectName + "Copy"`.
// What comes from outside is shown with its control characters visible (visibleText), and
// copied as it is.
class CopyableField final : public QWidget
{
    Q_OBJECT
public:
    // `what` names the value in the copy button's tooltip ("Copy public IP").
    CopyableField(const QString &objectName, const QString &what, bool copyButton,
                  QWidget *parent = nullptr);

    void setValue(const QString &value);
    QString value() const { return m_value; }
    QLineEdit *lineEdit() const { return m_edit; }
    QToolButton *copyButton() const { return m_copy; }

private:
    QLineEdit *m_edit;   // child
    QToolButton *m_copy; // child, null without a copy button
    QString m_value;
};

} // namespace dbs
