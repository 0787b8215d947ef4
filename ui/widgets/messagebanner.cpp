#include "messagebanner.h"

#include "resources.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace dbs {

namespace {
QString iconPath(MessageBanner::Kind kind)
{
    switch (kind) {
    case MessageBanner::Kind::Error:
        return QStringLiteral(":/icons/dialog-error.svg");
    case MessageBanner::Kind::Warning:
        return QStringLiteral(":/icons/dialog-warning.svg");
    case MessageBanner::Kind::Positive:
        return QStringLiteral(":/icons/status-online.svg");
    case MessageBanner::Kind::Information:
        break;
    }
    return QStringLiteral(":/icons/dialog-information.svg");
}
} // namespace

MessageBanner::MessageBanner(QWidget *parent)
    : QFrame(parent), m_icon(new QLabel(this)), m_text(new QLabel(this)),
      m_content(new QVBoxLayout), m_buttons(new QHBoxLayout), m_close(new QToolButton(this))
{
    initResources();
    setAttribute(Qt::WA_StyledBackground, false);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);

    m_icon->setAlignment(Qt::AlignTop | Qt::AlignHCenter);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setObjectName(QStringLiteral("bannerText"));

    m_close->setObjectName(QStringLiteral("bannerClose"));
    m_close->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setToolTip(tr("Close this message"));
    m_close->setAccessibleName(tr("Close message"));
    connect(m_close, &QToolButton::clicked, this, [this] {
        hide();
        Q_EMIT closed();
    });

    auto *textColumn = new QVBoxLayout;
    textColumn->setSpacing(4);
    textColumn->addWidget(m_text);
    textColumn->addLayout(m_content);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 8, 6, 8);
    layout->setSpacing(10);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addLayout(textColumn, 1);
    m_buttons->setSpacing(6);
    layout->addLayout(m_buttons);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    setKind(Kind::Information);
}

void MessageBanner::setKind(Kind kind)
{
    m_kind = kind;
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize) + 6;
    m_icon->setPixmap(QIcon(iconPath(kind)).pixmap(size, size));
    update();
}

void MessageBanner::setText(const QString &text)
{
    m_text->setText(text);
}

QString MessageBanner::text() const
{
    return m_text->text();
}

QPushButton *MessageBanner::addButton(const QString &text, const QString &objectName)
{
    auto *button = new QPushButton(text, this);
    button->setObjectName(objectName);
    m_buttons->addWidget(button, 0, Qt::AlignVCenter);
    return button;
}

void MessageBanner::setCloseable(bool closeable)
{
    m_close->setVisible(closeable);
}

QColor MessageBanner::tint() const
{
    switch (m_kind) {
    case Kind::Error:
        return QColor(0xc8, 0x37, 0x2d);
    case Kind::Warning:
        return QColor(0xf0, 0xa0, 0x20);
    case Kind::Positive:
        return QColor(0x2e, 0x9d, 0x4f);
    case Kind::Information:
        break;
    }
    return QColor(0x2f, 0x6f, 0xc4);
}

void MessageBanner::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event)
    // A light wash of the kind's colour over the window colour, so a dark theme stays dark; the
    // icon and the words carry the meaning, the colour only helps.
    const QColor base = palette().color(QPalette::Window);
    const QColor accent = tint();
    auto mix = [](const QColor &a, const QColor &b, double t) {
        return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
                                float(a.greenF() * (1 - t) + b.greenF() * t),
                                float(a.blueF() * (1 - t) + b.blueF() * t));
    };
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(mix(base, accent, 0.7), 1));
    painter.setBrush(mix(base, accent, 0.14));
    painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
}

} // namespace dbs
