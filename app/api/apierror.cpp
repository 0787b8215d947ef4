#include "apierror.h"

#include <QCoreApplication>

namespace dbs {

QString ApiError::summary() const
{
    QString text = code.isEmpty() ? message : code + QStringLiteral(": ") + message;
    if (httpStatus > 0)
        text += QCoreApplication::translate("dbs::ApiError", " (HTTP %1)").arg(httpStatus);
    if (!requestId.isEmpty())
        text += QCoreApplication::translate("dbs::ApiError", " RequestId: %1").arg(requestId);
    return text;
}

} // namespace dbs
