#include "errorbanner.h"

#include <QApplication>
#include <QClipboard>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace dbs {

ErrorBanner::ErrorBanner(QWidget *parent)
    : MessageBanner(parent), m_hint(new QLabel(this)), m_code(new QLabel(this)),
      m_message(new QLabel(this)), m_requestIdLabel(new QLabel(tr("RequestId:"), this)),
      m_requestId(new QLineEdit(this)), m_copyRequestId(new QToolButton(this))
{
    setObjectName(QStringLiteral("errorBanner"));
    setKind(Kind::Error);

    m_hint->setObjectName(QStringLiteral("errorHint"));
    m_hint->setWordWrap(true);
    m_hint->setAccessibleName(tr("What to check"));
    m_hint->hide();
    m_code->setObjectName(QStringLiteral("errorCode"));
    m_message->setObjectName(QStringLiteral("errorMessage"));
    m_message->setWordWrap(true);
    for (QLabel *label : {m_hint, m_code, m_message}) {
        label->setTextFormat(Qt::PlainText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    }
    // A read-only field selects and copies with the keyboard, and shows the whole id.
    m_requestId->setObjectName(QStringLiteral("errorRequestId"));
    m_requestId->setReadOnly(true);
    m_requestId->setFrame(false);
    m_requestId->setMinimumWidth(m_requestId->fontMetrics().horizontalAdvance(
                                     QStringLiteral("0000000A-0000-0000-0000-000000000000")) +
                                 12);
    m_requestIdLabel->setBuddy(m_requestId);
    m_copyRequestId->setObjectName(QStringLiteral("copyRequestIdButton"));
    m_copyRequestId->setIcon(QIcon(QStringLiteral(":/icons/edit-copy.svg")));
    m_copyRequestId->setAutoRaise(true);
    m_copyRequestId->setToolTip(tr("Copy the RequestId (give it to support)"));
    m_copyRequestId->setAccessibleName(tr("Copy RequestId"));
    connect(m_copyRequestId, &QToolButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_error.requestId); });

    auto *grid = new QGridLayout;
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(8);
    grid->setVerticalSpacing(2);
    grid->addWidget(new QLabel(tr("Code:"), this), 0, 0);
    grid->addWidget(m_code, 0, 1, 1, 2);
    grid->addWidget(new QLabel(tr("Message:"), this), 1, 0, Qt::AlignTop);
    grid->addWidget(m_message, 1, 1, 1, 2);
    grid->addWidget(m_requestIdLabel, 2, 0);
    auto *idRow = new QHBoxLayout;
    idRow->setSpacing(2);
    idRow->addWidget(m_requestId);
    idRow->addWidget(m_copyRequestId);
    idRow->addStretch(1);
    grid->addLayout(idRow, 2, 1, 1, 2);
    grid->setColumnStretch(2, 1);
    contentLayout()->addWidget(m_hint);
    contentLayout()->addLayout(grid);

    m_credentials = addButton(tr("&Credentials…"), QStringLiteral("errorCredentialsButton"));
    connect(m_credentials, &QPushButton::clicked, this, &ErrorBanner::credentialsRequested);
    m_retry = addButton(tr("&Retry"), QStringLiteral("retryButton"));
    m_retry->setIcon(QIcon(QStringLiteral(":/icons/view-refresh.svg")));
    connect(m_retry, &QPushButton::clicked, this, &ErrorBanner::retryRequested);
}

void ErrorBanner::showError(const ApiError &error, bool offerCredentials)
{
    m_error = error;
    setText(QStringLiteral("<b>%1</b>").arg(headline(error).toHtmlEscaped()));
    QString code = error.code.isEmpty() ? tr("(none)") : error.code;
    if (error.httpStatus > 0)
        code = tr("%1 (HTTP %2)").arg(code).arg(error.httpStatus);
    m_hint->setText(error.hint());
    m_hint->setVisible(!m_hint->text().isEmpty());
    m_code->setText(code);
    QString message = error.message;
    if (!error.recommend.isEmpty())
        message += QLatin1Char('\n') + tr("Recommendation: %1").arg(error.recommend);
    m_message->setText(message);
    const bool hasId = !error.requestId.isEmpty();
    m_requestIdLabel->setVisible(hasId);
    m_requestId->setVisible(hasId);
    m_copyRequestId->setVisible(hasId);
    m_requestId->setText(error.requestId);
    m_requestId->setCursorPosition(0);
    m_credentials->setVisible(offerCredentials || isCredentialProblem(error));
    show();
}

QString ErrorBanner::headline(const ApiError &error)
{
    switch (error.kind) {
    case ApiError::Kind::Transport:
        return tr("Could not reach the DBS service.");
    case ApiError::Kind::Timeout:
        return tr("The DBS service did not answer in time.");
    case ApiError::Kind::Malformed:
        return tr("The DBS service sent an answer this browser cannot read.");
    case ApiError::Kind::TooLarge:
        return tr("The DBS service sent an answer that is too large.");
    case ApiError::Kind::Config:
        return tr("The request was not sent.");
    case ApiError::Kind::Service:
        // A 4xx (or an error answer with no HTTP status) is the service saying no; a 5xx is the
        // service failing, which a Retry may well get past.
        if (error.httpStatus >= 500)
            break;
        return tr("The DBS service refused to list the gateways.");
    case ApiError::Kind::Cancelled:
    case ApiError::Kind::None:
        break;
    }
    return tr("The gateways could not be loaded.");
}

bool ErrorBanner::isCredentialProblem(const ApiError &error)
{
    if (error.httpStatus == 401 || error.httpStatus == 403)
        return true;
    static const QStringList prefixes = {
        QStringLiteral("InvalidAccessKeyId"),  QStringLiteral("SignatureDoesNotMatch"),
        QStringLiteral("IncompleteSignature"), QStringLiteral("InvalidSecurityToken"),
        QStringLiteral("Forbidden"),           QStringLiteral("NoCredential")};
    for (const QString &prefix : prefixes) {
        if (error.code.startsWith(prefix, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace dbs
