#pragma once

#include <QWidget>

#include <array>

class QLabel;

namespace prego {

// The key to the node detail charts' marks: the hatched push gaps, the flat silence bands, the
// firing strips and the job markers, each with a swatch painted as the charts paint it.
class ChartLegend final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartLegend)
public:
    enum Entry { GapEntry, SilenceEntry, FiringEntry, JobEntry, EntryCount };

    explicit ChartLegend(QWidget *parent = nullptr);

    void setStaleAfterSeconds(int seconds);
    QString entryText(Entry entry) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void repaintSwatches();

    int m_staleAfterSeconds = 300;
    std::array<QLabel *, EntryCount> m_swatches{};
    std::array<QLabel *, EntryCount> m_texts{};
};

} // namespace prego
