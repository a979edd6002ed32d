/**
 * The wallet's texts for event check-ins (issue 12), in kk, ru and en, joined to the others by
 * `messages.ts`. The English table defines the keys.
 */
export const CHECK_IN_EN = {
  checkInsTitle: 'Events you checked in to',
  checkedIn: 'Checked in to “{name}”. The credential comes once the coordinator confirms your hours.',
  alreadyCheckedIn: 'You have already checked in to “{name}”.',
  'checkIn.waiting': 'Waiting for confirmation',
  'checkIn.issued': 'Credential received',
  'checkIn.declined': 'Declined',
  'checkIn.expired': 'Not confirmed in time',
  'checkIn.cancelled': 'Cancelled',
  checkInDeclinedReason: 'The coordinator’s reason: {reason}',
  cancelCheckIn: 'Cancel check-in',
  confirmCancelCheckIn: 'Cancel your check-in to this event?',
  checkInCancelled: 'Check-in cancelled.',
  newCredential: 'New',
  newCredentialsArrived: 'New credentials have arrived: {n}.',
  myCheckInTitle: 'Camera not working?',
  myCheckInHint: 'Show your personal check-in code to the coordinator: their page scans it and checks you in. It works once, for 10 minutes.',
  myCheckInShow: 'Show my check-in code',
  myCheckInWaiting: 'Waiting for the coordinator to scan it…',
  myCheckInDone: 'Checked in to “{name}”.',
  myCheckInExpired: 'The code has expired: show a new one.',
};

export type CheckInText = keyof typeof CHECK_IN_EN;

export const CHECK_IN_KK: Record<CheckInText, string> = {
  checkInsTitle: 'Сіз тіркелген іс-шаралар',
  checkedIn: '«{name}» іс-шарасына тіркелдіңіз. Үйлестіруші сағаттарыңызды растағанда куәлік келеді.',
  alreadyCheckedIn: 'Сіз «{name}» іс-шарасына бұрын тіркелгенсіз.',
  'checkIn.waiting': 'Растауды күтуде',
  'checkIn.issued': 'Куәлік алынды',
  'checkIn.declined': 'Қабылданбады',
  'checkIn.expired': 'Уақытында расталмады',
  'checkIn.cancelled': 'Бас тартылды',
  checkInDeclinedReason: 'Үйлестірушінің себебі: {reason}',
  cancelCheckIn: 'Тіркеуден бас тарту',
  confirmCancelCheckIn: 'Бұл іс-шарадағы тіркеуіңізден бас тартасыз ба?',
  checkInCancelled: 'Тіркеуден бас тартылды.',
  newCredential: 'Жаңа',
  newCredentialsArrived: 'Жаңа куәліктер келді: {n}.',
  myCheckInTitle: 'Камера жұмыс істемей ме?',
  myCheckInHint: 'Жеке тіркеу кодыңызды үйлестірушіге көрсетіңіз: оның беті кодты сканерлеп, сізді тіркейді. Код бір рет, 10 минут жұмыс істейді.',
  myCheckInShow: 'Тіркеу кодымды көрсету',
  myCheckInWaiting: 'Үйлестірушінің сканерлеуін күтудеміз…',
  myCheckInDone: '«{name}» іс-шарасына тіркелдіңіз.',
  myCheckInExpired: 'Кодтың мерзімі өтті: жаңасын көрсетіңіз.',
};

export const CHECK_IN_RU: Record<CheckInText, string> = {
  checkInsTitle: 'Мероприятия, на которых вы отметились',
  checkedIn: 'Вы отметились на мероприятии «{name}». Удостоверение придёт, когда координатор подтвердит ваши часы.',
  alreadyCheckedIn: 'Вы уже отметились на мероприятии «{name}».',
  'checkIn.waiting': 'Ожидает подтверждения',
  'checkIn.issued': 'Удостоверение получено',
  'checkIn.declined': 'Отклонено',
  'checkIn.expired': 'Не подтверждено вовремя',
  'checkIn.cancelled': 'Отменено',
  checkInDeclinedReason: 'Причина координатора: {reason}',
  cancelCheckIn: 'Отменить отметку',
  confirmCancelCheckIn: 'Отменить вашу отметку на этом мероприятии?',
  checkInCancelled: 'Отметка отменена.',
  newCredential: 'Новое',
  newCredentialsArrived: 'Пришли новые удостоверения: {n}.',
  myCheckInTitle: 'Не работает камера?',
  myCheckInHint: 'Покажите координатору ваш личный код отметки: его страница отсканирует код и отметит вас. Код действует один раз, 10 минут.',
  myCheckInShow: 'Показать мой код отметки',
  myCheckInWaiting: 'Ждём, пока координатор отсканирует код…',
  myCheckInDone: 'Вы отметились на мероприятии «{name}».',
  myCheckInExpired: 'Срок кода истёк: покажите новый.',
};
