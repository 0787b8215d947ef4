#pragma once

#include "apierror.h"
#include "backupgateway.h"

#include <QByteArray>
#include <QJsonObject>

namespace dbs {

struct ParsedResponse
{
    GatewayPage page;
    ApiError error; // kind None when the page is good
};

// The error an OpenAPI answer carries (an HTTP status, Success:false, a Code), or none: then
// *root holds the answer's JSON object. Every action's answer is judged this way first.
ApiError parseServiceAnswer(const QByteArray &body, int httpStatus, QJsonObject *root);

// Reads a DescribeBackupGatewayList answer. Checks both the HTTP status and the body's
// Success/Code/ErrCode: any of them saying "error" makes an ApiError.
ParsedResponse parseDescribeResponse(const QByteArray &body, int httpStatus);

// True for errors worth another attempt: 5xx, throttling, ServiceUnavailable, transport, timeout,
// malformed or cut-short bodies.
bool isRetryable(const ApiError &error);

} // namespace dbs
