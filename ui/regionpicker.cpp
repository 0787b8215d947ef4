#include "regionpicker.h"

#include "api/endpoints.h"

namespace dbs {

RegionPicker::RegionPicker(QWidget *parent) : QComboBox(parent)
{
    setObjectName(QStringLiteral("regionPicker"));
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    setMaxVisibleItems(24);
    setToolTip(tr("The region whose backup gateways are listed"));
    for (const endpoints::Region &region : endpoints::regions()) {
        const QString id = QString::fromLatin1(region.id);
        addItem(tr("%1 · %2").arg(endpoints::regionName(id), id), id);
    }
    connect(this, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (!m_settingRegion && index >= 0)
            Q_EMIT regionPicked(itemData(index).toString());
    });
}

QString RegionPicker::region() const
{
    return currentData().toString();
}

void RegionPicker::setRegion(const QString &regionId)
{
    const QString id = endpoints::canonicalRegion(regionId);
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
