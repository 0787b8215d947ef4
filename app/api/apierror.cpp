#include "apierror.h"

#include <QCoreApplication>

namespace dbs {

QString ApiError::hint() const
{
    if (code == u"SignatureDoesNotMatch")
        return QCoreApplication::translate(
            "dbs::ApiError",
            "The AccessKey secret does not match its id: check the secret "
            "(ALIBABA_CLOUD_ACCESS_KEY_SECRET, or access_key_secret in the aliyun CLI profile), "
            "or whether a proxy changed the request.");
    return {};
}

QString ApiError::summary() const
{
    QString text = code.isEmpty() ? message : code + QStringLiteral(": ") + message;
    if (const QString words = hint(); !words.isEmpty())
        text = words + u' ' + text;
    if (httpStatus > 0)
        text += QCoreApplication::translate("dbs::ApiError", " (HTTP %1)").arg(httpStatus);
    if (!requestId.isEmpty())
        text += QCoreApplication::translate("dbs::ApiError", " RequestId: %1").arg(requestId);
    return text;
}

} // namespace dbs
