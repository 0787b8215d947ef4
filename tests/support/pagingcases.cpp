#include "pagingcases.h"

#include <QTest>

namespace fixture {

void addPagingRows()
{
    QTest::addColumn<int>("pageBase");
    QTest::addColumn<int>("gateways");
    QTest::addColumn<int>("pageSize");
    for (int base : pageBases) {
        for (int gateways : pagingInventorySizes) {
            for (int pageSize : pagingPageSizes) {
                QTest::addRow("base %d, %d gateways, %d a page", base, gateways, pageSize)
                    << base << gateways << pageSize;
            }
        }
    }
}

void addPageBaseRows()
{
    QTest::addColumn<int>("pageBase");
    for (int base : pageBases)
        QTest::addRow("base %d", base) << base;
}

} // namespace fixture
