#pragma once

#include "apierror.h"
#include "backupgateway.h"

#include <QByteArray>

namespace dbs {

struct ParsedResponse
{
    GatewayPage page;
    ApiError error; // kind None when the page is good
};

// Reads a DescribeBackupGatewayList answer. Checks both the HTTP status and the body's
// Success/Code/ErrCode: any of them saying "error" makes an ApiError.
ParsedResponse parseDescribeResponse(const QByteArray &body, int httpStatus);

// True for errors worth another attempt: 5xx, throttling, ServiceUnavailable, transport, timeout,
// malformed or cut-short bodies.
bool isRetryable(const ApiError &error);

} // namespace dbs
