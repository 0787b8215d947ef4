#include "responseparser.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>
#include <climits>

namespace dbs {

namespace {
QString stringField(const QJsonObject &object, QLatin1String key)
{
    const QJsonValue value = object.value(key);
    if (value.isString())
        return value.toString();
    if (value.isDouble()) { // ids arrive as numbers from older deployments: keep every digit
        const double number = value.toDouble();
        if (number > -9.2e18 && number < 9.2e18)
            return QString::number(value.toInteger(static_cast<qint64>(number)));
        return QString::number(number, 'g',
                               QLocale::FloatingPointShortest); // beyond int64: as sent
    }
    return {};
}

qint64 int64Field(const QJsonObject &object, QLatin1String key)
{
    const QJsonValue value = object.value(key);
    if (value.isDouble()) {
        const double number = value.toDouble();
        if (!(number > -9.2e18 && number < 9.2e18)) // out of range (or NaN): not a time we can use
            return 0;
        return value.toInteger(static_cast<qint64>(number));
    }
    if (value.isString())
        return value.toString().toLongLong(); // 0 when it is not a number
    return 0;
}

int intField(const QJsonObject &object, QLatin1String key)
{
    return static_cast<int>(std::clamp<qint64>(int64Field(object, key), 0, INT_MAX));
}

BackupGateway parseGateway(const QJsonObject &object)
{
    BackupGateway gateway;
    gateway.backupGatewayId = stringField(object, QLatin1String("BackupGatewayId"));
    gateway.identifier = stringField(object, QLatin1String("Identifier"));
    gateway.displayName = stringField(object, QLatin1String("DisplayName"));
    gateway.status = stringField(object, QLatin1String("BackupGatewayStatus"));
    gateway.region = stringField(object, QLatin1String("Region"));
    gateway.hostname = stringField(object, QLatin1String("SourceEndpointHostname"));
    gateway.internetIp = stringField(object, QLatin1String("SourceEndpointInternetIP"));
    gateway.intranetIp = stringField(object, QLatin1String("SourceEndpointIntranetIP"));
    gateway.createTime = int64Field(object, QLatin1String("BackupGatewayCreateTime"));
    gateway.lastHeartbeatTime = int64Field(object, QLatin1String("LastHeartbeatTime"));
    return gateway;
}

} // namespace

// A class only so that lupdate files these messages under the context tr() looks them up in.
class ResponseParser
{
    Q_DECLARE_TR_FUNCTIONS(ResponseParser)
public:
    // Why a success answer is not a page we can trust, or empty when it is one.
    static QString shapeProblem(const QJsonObject &root);
};

QString ResponseParser::shapeProblem(const QJsonObject &root)
{
    // The seed's empty answer has RequestId, TotalElements and Items "": a body with none of
    // them is not this operation's answer (a proxy's "{}", another API), not "no gateways".
    const bool looksLikeAnswer = root.contains(QLatin1String("RequestId")) ||
                                 root.contains(QLatin1String("TotalElements")) ||
                                 root.contains(QLatin1String("Items"));
    if (!looksLikeAnswer)
        return tr("The service's answer has none of RequestId, TotalElements and Items.");
    // null counts as absent: serializers write an absent list that way.
    const QJsonValue items = root.value(QLatin1String("Items"));
    const bool itemsOk = items.isUndefined() || items.isNull() || items.isObject() ||
                         items.isArray() || (items.isString() && items.toString().isEmpty());
    if (!itemsOk)
        return tr("The service's answer has an Items member that is not a list.");
    if (items.isObject()) {
        const QJsonValue list = items.toObject().value(QLatin1String("BackupGateway"));
        if (!list.isUndefined() && !list.isNull() && !list.isArray())
            return tr("The service's answer has an Items.BackupGateway member that is not a "
                      "list.");
    }
    return {};
}

ApiError parseServiceAnswer(const QByteArray &body, int httpStatus, QJsonObject *root)
{
    ApiError error;
    error.httpStatus = httpStatus;

    QJsonParseError jsonError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &jsonError);
    const bool httpOk = httpStatus >= 200 && httpStatus < 300;
    if (jsonError.error != QJsonParseError::NoError || !document.isObject()) {
        error.kind = httpOk ? ApiError::Kind::Malformed : ApiError::Kind::Service;
        error.code = httpOk ? QStringLiteral("MalformedResponse") : QString();
        error.message = httpOk ? ResponseParser::tr("The service's answer is not valid JSON "
                                                    "(%1 bytes).")
                                     .arg(body.size())
                               : ResponseParser::tr("The service answered HTTP %1 with no "
                                                    "error details.")
                                     .arg(httpStatus);
        error.retryable = isRetryable(error);
        return error;
    }

    *root = document.object();
    error.requestId = stringField(*root, QLatin1String("RequestId"));
    error.hostId = stringField(*root, QLatin1String("HostId"));
    error.recommend = stringField(*root, QLatin1String("Recommend"));
    const QJsonValue success = root->value(QLatin1String("Success"));
    const QString code = stringField(*root, QLatin1String("Code"));
    const QString errCode = stringField(*root, QLatin1String("ErrCode"));
    const bool failed = !httpOk || (success.isBool() && !success.toBool()) ||
                        (!code.isEmpty() && !success.isBool());
    if (failed) {
        error.kind = ApiError::Kind::Service;
        error.code = !code.isEmpty() ? code : errCode;
        error.message = stringField(*root, QLatin1String("Message"));
        if (error.message.isEmpty())
            error.message = stringField(*root, QLatin1String("ErrMessage"));
        if (error.message.isEmpty())
            error.message =
                ResponseParser::tr("The request failed with no message from the service.");
        if (const int bodyStatus = intField(*root, QLatin1String("HttpStatusCode"));
            httpOk && bodyStatus >= 400)
            error.httpStatus = bodyStatus;
        error.retryable = isRetryable(error);
        return error;
    }
    return error; // kind None: the caller reads *root
}

ParsedResponse parseDescribeResponse(const QByteArray &body, int httpStatus)
{
    ParsedResponse result;
    ApiError &error = result.error;
    QJsonObject root;
    error = parseServiceAnswer(body, httpStatus, &root);
    if (error.isError())
        return result;

    if (const QString problem = ResponseParser::shapeProblem(root); !problem.isEmpty()) {
        error.kind = ApiError::Kind::Malformed;
        error.code = QStringLiteral("MalformedResponse");
        error.message = problem;
        error.retryable = isRetryable(error);
        return result;
    }

    GatewayPage &page = result.page;
    page.requestId = error.requestId;
    page.pageNum = intField(root, QLatin1String("PageNum"));
    page.pageSize = intField(root, QLatin1String("PageSize"));
    page.totalElements = intField(root, QLatin1String("TotalElements"));
    page.totalPages = intField(root, QLatin1String("TotalPages"));

    // Items: {"BackupGateway": [...]}; missing, "" or {} mean no rows. A bare array is accepted
    // too, since the operation's page documents Items as an array.
    const QJsonValue items = root.value(QLatin1String("Items"));
    QJsonArray list;
    if (items.isObject())
        list = items.toObject().value(QLatin1String("BackupGateway")).toArray();
    else if (items.isArray())
        list = items.toArray();
    page.gateways.reserve(list.size());
    for (const QJsonValue &value : std::as_const(list)) {
        BackupGateway gateway;
        if (value.isObject())
            gateway = parseGateway(value.toObject());
        // A row we cannot name is not a gateway we can show, count or compare: taken as a
        // short page it would end a listing early and call the truncated list complete.
        if (gateway.backupGatewayId.isEmpty()) {
            result.page = GatewayPage{};
            error.kind = ApiError::Kind::Malformed;
            error.code = QStringLiteral("MalformedResponse");
            error.message = ResponseParser::tr("The service's answer holds a gateway without a "
                                               "BackupGatewayId (row %1).")
                                .arg(page.gateways.size() + 1);
            error.retryable = isRetryable(error);
            return result;
        }
        page.gateways.append(gateway);
    }
    result.error = ApiError{};
    return result;
}

bool isRetryable(const ApiError &error)
{
    switch (error.kind) {
    case ApiError::Kind::Transport:
    case ApiError::Kind::Timeout:
    case ApiError::Kind::Malformed:
        return true;
    case ApiError::Kind::Service:
        // SignatureNonceUsed only happens when the network stack replays a request on a
        // dropped keep-alive connection: a new attempt is signed with a fresh nonce.
        return error.httpStatus >= 500 || error.code.startsWith(u"Throttling") ||
               error.code == u"ServiceUnavailable" || error.code == u"SignatureNonceUsed";
    default:
        return false;
    }
}

} // namespace dbs
