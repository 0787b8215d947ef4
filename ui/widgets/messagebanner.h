#pragma once

#include <QFrame>

class QHBoxLayout;
class QLabel;
class QPushButton;
class QToolButton;
class QVBoxLayout;

namespace dbs {

// An inline message above the table, in the manner of KeePassXC's MessageWidget: an icon, a
// text, a few buttons and a close button. Never modal, so the window stays usable.
class MessageBanner : public QFrame
{
    Q_OBJECT
public:
    enum class Kind { Information, Positive, Warning, Error };
    Q_ENUM(Kind)

    explicit MessageBanner(QWidget *parent = nullptr);

    void setKind(Kind kind);
    Kind kind() const { return m_kind; }
    void setText(const QString &text);
    QString text() const;
    // A button on the banner's right; owned by the banner.
    QPushButton *addButton(const QString &text, const QString &objectName);
    void setCloseable(bool closeable);

Q_SIGNALS:
    void closed();

protected:
    void paintEvent(QPaintEvent *event) override;
    // Below the text, for subclasses that show more than one line.
    QVBoxLayout *contentLayout() const { return m_content; }
    QLabel *textLabel() const { return m_text; }

private:
    QColor tint() const;

    Kind m_kind = Kind::Information;
    QLabel *m_icon;         // child
    QLabel *m_text;         // child
    QVBoxLayout *m_content; // owned by the layout tree
    QHBoxLayout *m_buttons; // owned by the layout tree
    QToolButton *m_close;   // child
};

} // namespace dbs
