#pragma once

#include "types/silence.h"

#include <QDialog>

#include <functional>
#include <optional>
#include <utility>

class QButtonGroup;
class QComboBox;
class QDateTime;
class QDateTimeEdit;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QPlainTextEdit;
class QRadioButton;

namespace prego {

// "Silence…": puts nodes (or a region chosen from those known) under maintenance until a required
// end (1 h, 4 h, 1 day, or until a local date and time) with a required reason of 1–500
// characters. Ends are computed on the server's clock (local clock + the offset given), so a
// skewed local clock neither sends an end in the past nor refuses a good one. The silence id is
// made once per dialog, and a resend of unchanged input sends the same body again, so the control
// plane sees one silence however often OK is pressed. After OK the dialog waits for showResult():
// an error is shown and everything typed stays; success closes it.
class SilenceDialog final : public QDialog
{
    Q_OBJECT
public:
    enum class End { None, OneHour, FourHours, OneDay, Until };
    Q_ENUM(End)
    using Clock = std::function<qint64()>; // local wall clock, ms since the epoch

    SilenceDialog(const QStringList &nodeIds, const QStringList &regions,
                  QWidget *parent = nullptr);

    // Server minus local time, in ms (ServerClock::skewMs()).
    void setServerTimeOffset(qint64 serverMinusLocalMs) { m_offsetMs = serverMinusLocalMs; }
    void setLocalClock(Clock clock);
    qint64 serverNowMs() const;

    // What the operator chooses, also for tests and callers that preset the dialog.
    void setEnd(End end);
    End end() const;
    void setUntil(const QDateTime &localTime);
    void setReason(const QString &reason);
    QString reason() const; // without leading and trailing white space
    // Silences this region instead of the nodes (empty: back to the nodes).
    void setRegion(const QString &region);

    QString silenceId() const { return m_silenceId; }
    QStringList nodeIds() const { return m_nodeIds; }
    // Why OK is refused now, or empty.
    QString problem() const;
    // What OK sends now; nullopt while problem() is not empty.
    std::optional<SilenceRequest> request() const;
    // Sent and not answered yet.
    bool isWaiting() const { return m_waiting; }
    QString resultError() const;

    // Validates, then asks (silenceRequested) and waits for showResult().
    void accept() override;
    // The answer to silenceRequested: empty closes the dialog, an error is shown in it.
    void showResult(const QString &error);

Q_SIGNALS:
    // Intent: create this silence on the control plane, then call showResult().
    void silenceRequested(const prego::SilenceRequest &request);

protected:
    void changeEvent(QEvent *event) override;

private:
    // The inputs a request was built from: the same inputs resend the same request.
    struct Inputs
    {
        bool byRegion = false;
        QString region;
        End end = End::None;
        qint64 untilMs = 0;
        QString reason;
        bool operator==(const Inputs &) const = default;
    };
    Inputs inputs() const;
    std::optional<qint64> endsAtMs(const Inputs &in) const;
    void retranslate();
    void updateState();

    QStringList m_nodeIds;
    QStringList m_regions;
    QString m_silenceId;
    qint64 m_offsetMs = 0;
    Clock m_clock;
    bool m_waiting = false;
    std::optional<std::pair<Inputs, SilenceRequest>> m_sent;

    QLabel *m_intro;
    QGroupBox *m_targetBox;
    QRadioButton *m_nodesChoice;
    QLabel *m_nodesList;
    QRadioButton *m_regionChoice;
    QComboBox *m_region;
    QGroupBox *m_endBox;
    QButtonGroup *m_endGroup;
    QRadioButton *m_oneHour;
    QRadioButton *m_fourHours;
    QRadioButton *m_oneDay;
    QRadioButton *m_until;
    QDateTimeEdit *m_untilEdit;
    QLabel *m_zone;
    QLabel *m_reasonLabel;
    QPlainTextEdit *m_reason;
    QLabel *m_count;
    QLabel *m_problem;
    QLabel *m_status;
    QLabel *m_result;
    QDialogButtonBox *m_buttons;
};

} // namespace prego
