#pragma once

#include "messagebanner.h"

#include <api/apierror.h>

class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;

namespace dbs {

// A failed request, inline: Code, Message, a RequestId to copy for support, and Retry.
class ErrorBanner final : public MessageBanner
{
    Q_OBJECT
public:
    explicit ErrorBanner(QWidget *parent = nullptr);

    // `offerCredentials` adds a Credentials… button (the caller knows none is set); errors that
    // name a bad key or signature get it anyway.
    void showError(const ApiError &error, bool offerCredentials = false);
    const ApiError &error() const { return m_error; }
    QPushButton *retryButton() const { return m_retry; }
    // The service named a bad key, signature or token.
    static bool isCredentialProblem(const ApiError &error);
    // The banner's bold first line: what went wrong, in words ("refused" only for a 4xx).
    static QString headline(const ApiError &error);

Q_SIGNALS:
    void retryRequested();
    void credentialsRequested();

private:
    ApiError m_error;
    QLabel *m_hint;               // child: what to check, above the service's own words
    QLabel *m_code;               // child
    QLabel *m_message;            // child
    QLabel *m_requestIdLabel;     // child
    QLineEdit *m_requestId;       // child
    QToolButton *m_copyRequestId; // child
    QPushButton *m_retry;         // child
    QPushButton *m_credentials;   // child
};

} // namespace dbs
