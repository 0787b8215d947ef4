#include "faults.h"

#include <QStringList>

namespace dbs::sim {

namespace {
struct Named
{
    const char *name;
    Fault fault;
};
const Named names[] = {
    {"http500", Fault::Http500},     {"http503", Fault::Http503},
    {"throttle", Fault::Throttle},   {"reset", Fault::Reset},
    {"truncate", Fault::Truncate},   {"malformed", Fault::Malformed},
    {"slow", Fault::Slow},
};
} // namespace

Fault faultFromName(const QString &name)
{
    for (const Named &entry : names) {
        if (name == QLatin1String(entry.name))
            return entry.fault;
    }
    return Fault::None;
}

QStringList faultNames()
{
    QStringList list;
    for (const Named &entry : names)
        list.append(QString::fromLatin1(entry.name));
    return list;
}

QString parseFaultSpec(const QString &spec, Fault *fault, double *rate)
{
    const int eq = int(spec.indexOf(u'='));
    const QString name = eq < 0 ? spec : spec.left(eq);
    *fault = faultFromName(name);
    if (*fault == Fault::None)
        return QStringLiteral("unknown fault kind \"%1\" (known: %2)")
            .arg(name, faultNames().join(QLatin1String(", ")));
    bool ok = false;
    *rate = spec.mid(eq + 1).toDouble(&ok);
    if (!ok || !(*rate >= 0.0 && *rate <= 1.0)) // also refuses NaN
        return QStringLiteral("fault rate in \"%1\" must be a number from 0 to 1").arg(spec);
    return {};
}

Fault FaultInjector::draw()
{
    QMutexLocker locker(&m_mutex);
    if (m_rates.isEmpty())
        return Fault::None;
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (auto it = m_rates.cbegin(); it != m_rates.cend(); ++it) {
        if (unit(m_engine) < it.value())
            return it.key();
    }
    return Fault::None;
}

} // namespace dbs::sim
