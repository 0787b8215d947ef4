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

int expectedRequests(int pageBase, int gateways, int pageSize)
{
    if (gateways < pageSize)
        return 1; // a short (or empty) first page is the whole list in either reading
    const int pages = (gateways + pageSize - 1) / pageSize;
    return pages + (gateways % pageSize == 0 ? 1 : 0) + pageBase;
}

} // namespace fixture
