#include "silencedialog.h"

#include "dialogproblem.h"

#include "statuscolors.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QEvent>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTimeZone>
#include <QUuid>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace prego {

namespace {
constexpr qint64 HourMs = 3600 * 1000;
constexpr int NodesNamed = 6; // the dialog names this many nodes, then counts the rest

QString utcOffsetText(int seconds)
{
    const int minutes = std::abs(seconds) / 60;
    return u"%1%2:%3"_s.arg(seconds < 0 ? QChar(u'−') : QChar(u'+'))
        .arg(minutes / 60, 2, 10, QChar(u'0'))
        .arg(minutes % 60, 2, 10, QChar(u'0'));
}
} // namespace

SilenceDialog::SilenceDialog(const QStringList &nodeIds, const QStringList &regions,
                             QWidget *parent)
    : QDialog(parent)
    , m_nodeIds(nodeIds)
    , m_silenceId(QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
    , m_intro(new QLabel(this))
    , m_targetBox(new QGroupBox(this))
    , m_nodesChoice(new QRadioButton(m_targetBox))
    , m_nodesList(new QLabel(m_targetBox))
    , m_regionChoice(new QRadioButton(m_targetBox))
    , m_region(new QComboBox(m_targetBox))
    , m_endBox(new QGroupBox(this))
    , m_endGroup(new QButtonGroup(this))
    , m_oneHour(new QRadioButton(m_endBox))
    , m_fourHours(new QRadioButton(m_endBox))
    , m_oneDay(new QRadioButton(m_endBox))
    , m_until(new QRadioButton(m_endBox))
    , m_untilEdit(new QDateTimeEdit(m_endBox))
    , m_zone(new QLabel(m_endBox))
    , m_reasonLabel(new QLabel(this))
    , m_reason(new QPlainTextEdit(this))
    , m_count(new QLabel(this))
    , m_problem(new QLabel(this))
    , m_status(new QLabel(this))
    , m_result(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"silenceDialog"_s);
    m_nodeIds.removeDuplicates();
    m_regions = regions;
    m_regions.removeAll(QString());
    m_regions.removeDuplicates();
    m_regions.sort();
    m_intro->setWordWrap(true);

    m_nodesChoice->setObjectName(u"nodesChoice"_s);
    m_nodesList->setObjectName(u"nodesList"_s);
    m_nodesList->setWordWrap(true);
    m_nodesList->setTextFormat(Qt::PlainText);
    m_nodesList->setToolTip(m_nodeIds.join(u", "_s));
    m_regionChoice->setObjectName(u"regionChoice"_s);
    m_region->setObjectName(u"regionCombo"_s);
    auto *target = new QGridLayout(m_targetBox);
    target->addWidget(m_nodesChoice, 0, 0, Qt::AlignTop);
    target->addWidget(m_nodesList, 0, 1);
    target->addWidget(m_regionChoice, 1, 0);
    target->addWidget(m_region, 1, 1);
    target->setColumnStretch(1, 1);
    if (m_nodeIds.isEmpty()) {
        m_nodesChoice->hide();
        m_nodesList->hide();
        m_regionChoice->setChecked(true);
    } else {
        m_nodesChoice->setChecked(true);
    }
    connect(m_nodesChoice, &QRadioButton::toggled, this, &SilenceDialog::updateState);
    connect(m_region, &QComboBox::currentIndexChanged, this, &SilenceDialog::updateState);

    m_endGroup->addButton(m_oneHour, int(End::OneHour));
    m_endGroup->addButton(m_fourHours, int(End::FourHours));
    m_endGroup->addButton(m_oneDay, int(End::OneDay));
    m_endGroup->addButton(m_until, int(End::Until));
    m_oneHour->setObjectName(u"endOneHour"_s);
    m_fourHours->setObjectName(u"endFourHours"_s);
    m_oneDay->setObjectName(u"endOneDay"_s);
    m_until->setObjectName(u"endUntil"_s);
    m_untilEdit->setObjectName(u"untilEdit"_s);
    m_untilEdit->setCalendarPopup(true);
    m_untilEdit->setTimeSpec(Qt::LocalTime);
    // A round hour some hours ahead, a likely end of a maintenance window.
    const qint64 later = (m_clock() / HourMs + 5) * HourMs;
    m_untilEdit->setDateTime(QDateTime::fromMSecsSinceEpoch(later).toLocalTime());
    m_zone->setObjectName(u"untilZone"_s);
    auto *ends = new QGridLayout(m_endBox);
    ends->addWidget(m_oneHour, 0, 0);
    ends->addWidget(m_fourHours, 0, 1);
    ends->addWidget(m_oneDay, 0, 2);
    ends->addWidget(m_until, 1, 0);
    ends->addWidget(m_untilEdit, 1, 1, 1, 2);
    ends->addWidget(m_zone, 2, 1, 1, 2);
    connect(m_endGroup, &QButtonGroup::idToggled, this, &SilenceDialog::updateState);
    connect(m_untilEdit, &QDateTimeEdit::dateTimeChanged, this, &SilenceDialog::updateState);

    m_reason->setObjectName(u"reasonEdit"_s);
    m_reason->setTabChangesFocus(true);
    m_reason->setMinimumHeight(70);
    m_reasonLabel->setBuddy(m_reason);
    m_count->setObjectName(u"reasonCount"_s);
    m_count->setAlignment(Qt::AlignRight);
    connect(m_reason, &QPlainTextEdit::textChanged, this, &SilenceDialog::updateState);

    m_problem->setObjectName(u"validationError"_s);
    m_problem->setWordWrap(true);
    StatusColors::markErrorLabel(m_problem);
    m_status->setObjectName(u"sendStatus"_s);
    m_status->hide();
    m_result->setObjectName(u"resultError"_s);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    StatusColors::markErrorLabel(m_result);
    m_result->hide();
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SilenceDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SilenceDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_targetBox);
    layout->addWidget(m_endBox);
    layout->addWidget(m_reasonLabel);
    layout->addWidget(m_reason, 1);
    layout->addWidget(m_count);
    layout->addWidget(m_problem);
    layout->addWidget(m_result);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    setMinimumWidth(520);
    retranslate();
}

void SilenceDialog::setLocalClock(Clock clock)
{
    m_clock = std::move(clock);
    updateState();
}

qint64 SilenceDialog::serverNowMs() const
{
    return m_clock() + m_offsetMs;
}

void SilenceDialog::setEnd(End end)
{
    if (end == End::None) {
        m_endGroup->setExclusive(false);
        if (QAbstractButton *checked = m_endGroup->checkedButton())
            checked->setChecked(false);
        m_endGroup->setExclusive(true);
        updateState();
        return;
    }
    m_endGroup->button(int(end))->setChecked(true);
}

SilenceDialog::End SilenceDialog::end() const
{
    const int id = m_endGroup->checkedId();
    return id < 0 ? End::None : End(id);
}

void SilenceDialog::setUntil(const QDateTime &localTime)
{
    m_untilEdit->setDateTime(localTime.toLocalTime());
    m_until->setChecked(true);
}

void SilenceDialog::setReason(const QString &reason)
{
    m_reason->setPlainText(reason);
}

QString SilenceDialog::reason() const
{
    return m_reason->toPlainText().trimmed();
}

void SilenceDialog::setRegion(const QString &region)
{
    if (region.isEmpty()) {
        if (!m_nodeIds.isEmpty())
            m_nodesChoice->setChecked(true);
        return;
    }
    int i = m_region->findData(region);
    if (i < 0) {
        m_regions.append(region);
        m_region->addItem(region, region);
        i = m_region->count() - 1;
    }
    m_region->setCurrentIndex(i);
    m_regionChoice->setChecked(true);
}

SilenceDialog::Inputs SilenceDialog::inputs() const
{
    Inputs in;
    in.byRegion = m_regionChoice->isChecked();
    in.region = in.byRegion ? m_region->currentData().toString() : QString();
    in.end = end();
    in.untilMs = in.end == End::Until ? m_untilEdit->dateTime().toMSecsSinceEpoch() : 0;
    in.reason = reason();
    return in;
}

std::optional<qint64> SilenceDialog::endsAtMs(const Inputs &in) const
{
    switch (in.end) {
    case End::None:
        return std::nullopt;
    case End::OneHour:
        return serverNowMs() + HourMs;
    case End::FourHours:
        return serverNowMs() + 4 * HourMs;
    case End::OneDay:
        return serverNowMs() + 24 * HourMs;
    case End::Until:
        return in.untilMs;
    }
    return std::nullopt;
}

QString SilenceDialog::problem() const
{
    const Inputs in = inputs();
    if (in.byRegion && in.region.isEmpty())
        return tr("Choose the region to silence.");
    if (!in.byRegion && m_nodeIds.size() > SilenceRequest::MaxNodes) {
        //: %1: how many nodes are selected, %2: the most one silence may name (500)
        return tr("%1 nodes are selected; a silence names at most %2. Silence their region "
                  "instead, or fewer nodes.")
            .arg(QLocale().toString(m_nodeIds.size()),
                 QLocale().toString(SilenceRequest::MaxNodes));
    }
    const std::optional<qint64> ends = endsAtMs(in);
    if (!ends)
        return tr("Choose when the silence ends.");
    const qint64 now = serverNowMs();
    if (*ends <= now)
        return tr("The end is in the past. Choose a later time.");
    if (*ends - now > SilenceRequest::MaxDurationMs)
        return tr("A silence can last at most 7 days. Choose an earlier end.");
    if (in.reason.isEmpty())
        return tr("Write a reason: what is planned or expected.");
    if (in.reason.size() > SilenceRequest::MaxReasonLength) {
        //: %1: the reason's length, %2: the most allowed (500)
        return tr("The reason is %1 characters long; at most %2 are allowed.")
            .arg(QLocale().toString(in.reason.size()),
                 QLocale().toString(SilenceRequest::MaxReasonLength));
    }
    return {};
}

std::optional<SilenceRequest> SilenceDialog::request() const
{
    if (!problem().isEmpty())
        return std::nullopt;
    const Inputs in = inputs();
    SilenceRequest r;
    r.silenceId = m_silenceId;
    if (in.byRegion)
        r.region = in.region;
    else
        r.nodeIds = m_nodeIds;
    r.endsAtMs = *endsAtMs(in);
    r.reason = in.reason;
    return r;
}

QString SilenceDialog::resultError() const
{
    return m_result->isVisibleTo(this) ? m_result->text() : QString();
}

void SilenceDialog::accept()
{
    if (m_waiting)
        return;
    const std::optional<SilenceRequest> fresh = request();
    if (!fresh) {
        updateState();
        return;
    }
    // Unchanged input sends the body sent before (the same end too), so that a request that
    // reached the control plane unanswered is replayed, not refused as a reused id.
    const Inputs in = inputs();
    if (!m_sent || m_sent->first != in || m_sent->second.endsAtMs <= serverNowMs())
        m_sent = std::pair{in, *fresh};
    m_waiting = true;
    m_result->hide();
    updateState();
    Q_EMIT silenceRequested(m_sent->second);
}

void SilenceDialog::showResult(const QString &error)
{
    if (!m_waiting)
        return;
    m_waiting = false;
    if (error.isEmpty()) {
        updateState();
        QDialog::accept();
        return;
    }
    m_result->setText(error);
    m_result->show();
    updateState();
}

void SilenceDialog::updateState()
{
    const bool editable = !m_waiting;
    m_targetBox->setEnabled(editable);
    m_endBox->setEnabled(editable);
    m_reason->setReadOnly(!editable);
    m_region->setEnabled(m_regionChoice->isChecked());
    m_untilEdit->setEnabled(m_until->isChecked());
    m_zone->setEnabled(m_until->isChecked());
    const int offset = m_untilEdit->dateTime().offsetFromUtc();
    const QString zone = QString::fromUtf8(QTimeZone::systemTimeZoneId());
    //: %1: the time zone's name (Europe/Berlin), %2: its offset from UTC (+01:00)
    m_zone->setText(tr("Local time, %1 (UTC%2)").arg(zone, utcOffsetText(offset)));

    showDialogProblem(m_problem, m_buttons, problem());
    // While the control plane has not answered, OK waits too, and says so.
    m_status->setVisible(m_waiting);
    if (m_waiting) {
        QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
        ok->setEnabled(false);
        ok->setToolTip(m_status->text());
    }
    m_count->setText(tr("%1 / %2").arg(QLocale().toString(reason().size()),
                                       QLocale().toString(SilenceRequest::MaxReasonLength)));
}

void SilenceDialog::retranslate()
{
    setWindowTitle(tr("Silence"));
    m_intro->setText(tr("A silence is shared with every operator of this control plane. Silenced "
                        "nodes are still monitored and shown, but they do not notify, and the "
                        "Definition-of-Done check M1 lists them as excused."));
    m_targetBox->setTitle(tr("Silence"));
    m_nodesChoice->setText(tr("&These nodes:"));
    QString nodes =
        m_nodeIds.first(std::min<qsizetype>(NodesNamed, m_nodeIds.size())).join(u", "_s);
    if (m_nodeIds.size() > NodesNamed) {
        //: %1: the first node ids, then how many more are silenced
        nodes = tr("%1 and %n more", nullptr, int(m_nodeIds.size()) - NodesNamed).arg(nodes);
    }
    m_nodesList->setText(nodes);
    m_regionChoice->setText(tr("A &region:"));
    {
        const QString chosen = m_region->currentData().toString();
        const QSignalBlocker block(m_region);
        m_region->clear();
        m_region->addItem(tr("Choose a region…"), QString());
        for (const QString &r : std::as_const(m_regions))
            m_region->addItem(r, r);
        m_region->setCurrentIndex(std::max(0, m_region->findData(chosen)));
    }
    m_region->setAccessibleName(tr("Region"));
    m_endBox->setTitle(tr("Ends"));
    m_oneHour->setText(tr("in 1 &hour"));
    m_fourHours->setText(tr("in &4 hours"));
    m_oneDay->setText(tr("in 1 &day"));
    m_until->setText(tr("&Until:"));
    m_untilEdit->setDisplayFormat(QLocale().dateTimeFormat(QLocale::ShortFormat));
    m_untilEdit->setAccessibleName(tr("End date and time, local time"));
    m_reasonLabel->setText(tr("R&eason:"));
    m_reason->setAccessibleName(tr("Reason"));
    m_reason->setPlaceholderText(tr("e.g. “kernel upgrade on the fsn1 hosts”"));
    m_status->setText(tr("Waiting for the control plane…"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Silence"));
    updateState();
}

void SilenceDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    if (event->type() == QEvent::PaletteChange)
        StatusColors::restyleErrorLabels(this);
    QDialog::changeEvent(event);
}

} // namespace prego
