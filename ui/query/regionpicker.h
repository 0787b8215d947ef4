#pragma once

#include <QComboBox>

namespace dbs {

// "All regions", then every DBS region, shown as "China (Hangzhou) · cn-hangzhou" (the name
// translated, the id as the API spells it); the item data is the region id (or "all").
class RegionPicker final : public QComboBox
{
    Q_OBJECT
public:
    explicit RegionPicker(QWidget *parent = nullptr);

    QString region() const;
    // Selects `regionId` without emitting regionPicked; an id the list does not know (a region
    // newer than this build, used with --endpoint) is added at the end rather than dropped.
    void setRegion(const QString &regionId);

Q_SIGNALS:
    // Only for the user's choices, not for setRegion().
    void regionPicked(const QString &regionId);

private:
    bool m_settingRegion = false;
};

} // namespace dbs
