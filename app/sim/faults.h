#pragma once

#include <QMap>
#include <QMutex>
#include <QString>

#include <random>

namespace dbs::sim {

enum class Fault { None, Http500, Http503, Throttle, Reset, Truncate, Malformed, Slow };

// "http500" -> Fault::Http500 ...; Fault::None for an unknown name.
Fault faultFromName(const QString &name);
QStringList faultNames();

// Parses "KIND=RATE" (RATE a probability in [0, 1]); returns an error message or empty.
QString parseFaultSpec(const QString &spec, Fault *fault, double *rate);

// Draws at most one fault per request, each kind with its own probability.
class FaultInjector
{
public:
    explicit FaultInjector(quint64 seed = 1) : m_engine(seed) {}
    void setRate(Fault fault, double rate) { m_rates.insert(fault, rate); }
    bool isEmpty() const { return m_rates.isEmpty(); }
    Fault draw(); // thread-safe

private:
    QMutex m_mutex;
    std::mt19937_64 m_engine;
    QMap<Fault, double> m_rates;
};

} // namespace dbs::sim
