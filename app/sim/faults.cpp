#include "faults.h"

#include <QCoreApplication>
#include <QStringList>

namespace dbs {

namespace {
struct Named
{
    const char *name;
    Fault fault;
};
const Named names[] = {
    {"http500", Fault::Http500},
    {"http503", Fault::Http503},
    {"throttle", Fault::Throttle},
    {"reset", Fault::Reset},
    {"truncate", Fault::Truncate},
    {"malformed", Fault::Malformed},
    {"slow", Fault::Slow},
    {"endless", Fault::Endless},
    {"repeat-last", Fault::RepeatLast},
    {"duplicate", Fault::Duplicate},
    {"lying-total-low", Fault::LyingTotalLow},
    {"lying-total-high", Fault::LyingTotalHigh},
    {"changing-total", Fault::ChangingTotal},
    {"huge", Fault::Huge},
    {"huge-chunked", Fault::HugeChunked},
    {"trickle", Fault::Trickle},
    {"deep-nesting", Fault::DeepNesting},
    {"wrong-types", Fault::WrongTypes},
    {"redirect", Fault::Redirect},
    {"reset-mid-body", Fault::ResetMidBody},
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
        return QCoreApplication::translate("dbs::Faults", "unknown fault kind \"%1\" (known: %2)")
            .arg(name, faultNames().join(QLatin1String(", ")));
    bool ok = false;
    *rate = spec.mid(eq + 1).toDouble(&ok);
    if (!ok || !(*rate >= 0.0 && *rate <= 1.0)) // also refuses NaN
        return QCoreApplication::translate("dbs::Faults",
                                           "fault rate in \"%1\" must be a number from 0 to 1")
            .arg(spec);
    return {};
}

QString checkFaultRates(const QList<QPair<Fault, double>> &faults)
{
    FaultInjector injector;
    for (const auto &[fault, rate] : faults)
        injector.setRate(fault, rate);
    const double total = injector.totalRate();
    if (total > 1.0 + 1e-9) // 0.1 + 0.2 + 0.7 must pass despite rounding
        return QCoreApplication::translate("dbs::Faults",
                                           "the --fault rates add up to %1; a request can have "
                                           "one fault at most, so they must add up to 1 or less")
            .arg(total);
    return {};
}

void FaultInjector::setRate(Fault fault, double rate)
{
    QMutexLocker locker(&m_mutex);
    for (auto &entry : m_rates) {
        if (entry.first == fault) {
            entry.second = rate;
            return;
        }
    }
    m_rates.append({fault, rate});
}

double FaultInjector::totalRate() const
{
    QMutexLocker locker(&m_mutex);
    double total = 0;
    for (const auto &entry : m_rates)
        total += entry.second;
    return total;
}

Fault FaultInjector::draw()
{
    QMutexLocker locker(&m_mutex);
    if (m_rates.isEmpty())
        return Fault::None;
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const double u = unit(m_engine);
    double cumulative = 0;
    for (const auto &[fault, rate] : std::as_const(m_rates)) {
        cumulative += rate;
        if (u < cumulative)
            return fault;
    }
    return Fault::None;
}

} // namespace dbs
