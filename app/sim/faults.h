#pragma once

#include <QList>
#include <QMutex>
#include <QPair>
#include <QString>

#include <random>

namespace dbs {

enum class Fault {
    None,
    Http500,
    Http503,
    Throttle,
    Reset,
    Truncate,
    Malformed,
    Slow,
    // Hostile paging: answers that are well-formed but lie about the data.
    Endless,        // from the last page on, every page is full, padded with fresh ids
    RepeatLast,     // a page past the end answers the last page again
    Duplicate,      // a page starts with the previous page's last ids again
    LyingTotalLow,  // TotalElements/TotalPages say half the truth
    LyingTotalHigh, // TotalElements says 10^9
    ChangingTotal,  // page 1 tells the truth, every later page another TotalElements
    // Hostile transport: answers that attack the client's memory, time or trust.
    Huge,         // a 200 promising a 200 MB body (Content-Length), streamed until hung up
    HugeChunked,  // a chunked 200 MB body, no length announced
    Trickle,      // a 200 whose body comes a byte a second, forever
    DeepNesting,  // a 200 whose JSON opens 100000 arrays
    WrongTypes,   // a 200 with every field of the page and its rows of the wrong JSON type
    Redirect,     // a 302 to the same path on another host (127.0.0.2)
    ResetMidBody, // half the body, then a TCP reset (RST, not FIN)
};

// "http500" -> Fault::Http500 ...; Fault::None for an unknown name.
Fault faultFromName(const QString &name);
QStringList faultNames();

// Parses "KIND=RATE" (RATE a probability in [0, 1]); returns an error message or empty.
QString parseFaultSpec(const QString &spec, Fault *fault, double *rate);
// An error message when the rates (the last one given for each kind counts) add up to more
// than 1, so that no single request could honour them all; empty otherwise.
QString checkFaultRates(const QList<QPair<Fault, double>> &faults);

// Draws at most one fault per request, each kind with its own probability: one uniform number
// walks the kinds' cumulative rates, so every rate is exactly "a probability per request"
// (while the rates add up to 1 at most; past that, the later kinds get what is left).
class FaultInjector
{
public:
    explicit FaultInjector(quint64 seed = 1) : m_engine(seed) {}
    void setRate(Fault fault, double rate);
    bool isEmpty() const { return m_rates.isEmpty(); }
    double totalRate() const;
    Fault draw(); // thread-safe

private:
    mutable QMutex m_mutex;
    std::mt19937_64 m_engine;
    QList<QPair<Fault, double>> m_rates; // in the order first set
};

} // namespace dbs
