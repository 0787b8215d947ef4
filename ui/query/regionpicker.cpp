#include "regionpicker.h"

#include <api/endpoints.h>

#include <QAbstractItemView>
#include <QScrollBar>

#include <cmath>

namespace dbs {

RegionPicker::RegionPicker(QWidget *parent) : QComboBox(parent)
{
    setObjectName(QStringLiteral("regionPicker"));
    // AdjustToContents would size the box for the longest of all names (~380 px) and push the
    // toolbar's last buttons into its overflow menu in a 1280 px wide window (and at 200%).
    // The box fits the region shown instead; its list opens wide enough for every name.
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setMaxVisibleItems(24);
    setToolTip(tr("The region whose backup gateways are listed, or all regions at once"));
    // Every region at once: one merged table with a strip that says how each region went.
    addItem(QIcon(QStringLiteral(":/icons/globe.svg")), tr("All regions"), endpoints::allRegions());
    insertSeparator(1);
    for (const endpoints::Region &region : endpoints::regions()) {
        const QString id = QString::fromLatin1(region.id);
        addItem(tr("%1 · %2").arg(endpoints::regionName(id), id), id);
    }
    connect(this, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (!m_settingRegion && index >= 0)
            Q_EMIT regionPicked(itemData(index).toString());
    });
    auto fitText = [this](const QString &text) {
        // The minimum contents length counts 'x' widths: round the text's own width up.
        const qreal x = fontMetrics().horizontalAdvance(QLatin1Char('x'));
        setMinimumContentsLength(int(std::ceil(fontMetrics().horizontalAdvance(text) / x)) + 1);
        view()->setMinimumWidth(view()->sizeHintForColumn(0) +
                                view()->verticalScrollBar()->sizeHint().width() +
                                2 * view()->frameWidth());
    };
    connect(this, &QComboBox::currentTextChanged, this, fitText);
    fitText(currentText());
}

QString RegionPicker::region() const
{
    return currentData().toString();
}

void RegionPicker::setRegion(const QString &regionId)
{
    const QString id =
        regionId == endpoints::allRegions() ? regionId : endpoints::canonicalRegion(regionId);
    int index = findData(id);
    m_settingRegion = true;
    if (index < 0 && !id.isEmpty()) {
        addItem(tr("%1 · %2").arg(tr("Other region"), id), id);
        index = count() - 1;
    }
    setCurrentIndex(index);
    m_settingRegion = false;
}

} // namespace dbs
