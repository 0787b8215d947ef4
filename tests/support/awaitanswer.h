#pragma once

#include <QTest>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace fixture {

// What one asynchronous call answered. Shared, so a late or repeated answer after the test
// stopped waiting lands here instead of on a dead stack frame.
template <typename Result> struct Answer
{
    std::optional<Result> result;
    int calls = 0;
    bool beforeReturn = false; // answered before the call returned (must never happen)
    bool returned = false;
};

// start(callback) makes the call; waits until it answers or timeout passes.
template <typename Result>
std::shared_ptr<Answer<Result>>
awaitAnswer(const std::function<void(std::function<void(const Result &)>)> &start,
            std::chrono::milliseconds timeout = std::chrono::seconds(20))
{
    auto answer = std::make_shared<Answer<Result>>();
    start([answer](const Result &result) {
        ++answer->calls;
        answer->result = result;
        if (!answer->returned)
            answer->beforeReturn = true;
    });
    answer->returned = true;
    // No answer in time shows as an empty result; the caller's QVERIFY reports it.
    [[maybe_unused]] const bool answered =
        QTest::qWaitFor([&answer] { return answer->calls > 0; }, int(timeout.count()));
    return answer;
}

} // namespace fixture
