#pragma once

#include <QLayout>
#include <QList>

namespace dbs {

// Lays its items out left to right and starts a new line when the next one does not fit, so
// that a row of chips stays readable at any width instead of shrinking or scrolling sideways.
// Its height follows its width (heightForWidth).
class FlowLayout final : public QLayout
{
public:
    explicit FlowLayout(QWidget *parent = nullptr);
    ~FlowLayout() override;

    void addItem(QLayoutItem *item) override;
    int count() const override;
    QLayoutItem *itemAt(int index) const override;
    QLayoutItem *takeAt(int index) override;
    Qt::Orientations expandingDirections() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;
    QSize minimumSize() const override;
    QSize sizeHint() const override;
    void setGeometry(const QRect &rect) override;

    // How many lines the items took at the last setGeometry() (for tests).
    int lineCount() const { return m_lines; }

private:
    // Places the items in `rect` (only measures when `apply` is false); the height used.
    int arrange(const QRect &rect, bool apply) const;

    QList<QLayoutItem *> m_items; // owned
    mutable int m_lines = 0;
};

} // namespace dbs
