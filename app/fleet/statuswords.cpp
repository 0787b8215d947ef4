#include "statuswords.h"

#include <export/textformat.h>

#include <QCoreApplication>

#include <iterator>

namespace dbs::statuswords {

namespace {
// Text::tr() translates in this context; lupdate reads the table's strings from the macros.
class Text
{
    Q_DECLARE_TR_FUNCTIONS(dbs::statuswords)
};

struct Words
{
    const char16_t *status; // as the service spells it
    const char *name;
    const char *description;
};

// One row per status of knownStatuses().
constexpr Words words[] = {
    {u"ONLINE", QT_TRANSLATE_NOOP("dbs::statuswords", "Online"),
     QT_TRANSLATE_NOOP("dbs::statuswords",
                       "Online: the gateway is connected and sending heartbeats.")},
    {u"OFFLINE", QT_TRANSLATE_NOOP("dbs::statuswords", "Offline"),
     QT_TRANSLATE_NOOP("dbs::statuswords", "Offline: the gateway is not connected.")},
    {u"STOPPED", QT_TRANSLATE_NOOP("dbs::statuswords", "Stopped"),
     QT_TRANSLATE_NOOP("dbs::statuswords", "Stopped: the gateway was stopped.")},
    {u"UPGRADING", QT_TRANSLATE_NOOP("dbs::statuswords", "Upgrading"),
     QT_TRANSLATE_NOOP("dbs::statuswords", "Upgrading: the gateway is installing a new version.")},
};

const Words *find(const QString &status)
{
    for (const Words &entry : words) {
        if (status == QStringView(entry.status))
            return &entry;
    }
    return nullptr;
}
} // namespace

QString name(const QString &status)
{
    if (const Words *entry = find(status))
        return Text::tr(entry->name);
    return status.isEmpty() ? Text::tr("(unknown)") : visibleText(status);
}

QString text(const QString &status, bool stale)
{
    return stale ? Text::tr("%1 (stale)").arg(name(status)) : name(status);
}

QString description(const QString &status, bool stale)
{
    if (stale)
        return Text::tr(
            "Reports ONLINE, but its last heartbeat is older than the stale threshold.");
    if (const Words *entry = find(status))
        return Text::tr(entry->description);
    return Text::tr("A status this version of the browser does not know.");
}

} // namespace dbs::statuswords
