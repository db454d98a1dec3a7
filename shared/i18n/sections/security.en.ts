/** English texts of the security hardening (issue 13), merged into shared/i18n/en.ts. */
export const securityEn = {
  errors: {
    tooManyAttemptsOnAccount:
      'Too many log-in attempts at this account from unknown devices. Try again in {{minutes}} minute(s), log in from a device you have used before, or reset your password: the link sent by e-mail makes this device known.',
    registrationInvalid: 'This activation link is invalid, already used or expired. Register again, or log in if you already did.',
  },
  validation: {
    singleLine: 'This field holds one line: remove the line breaks.',
  },
  auth: {
    registrationSent:
      'Almost done: we sent an e-mail to {{email}}. Follow its link (valid 24 hours) to activate your account. Nothing received? Check your spam folder.',
    confirmTitle: 'Activate your account',
    confirmLead: 'One last click: activate your Y-tech account to open your client area.',
    confirmSubmit: 'Activate my account',
  },
  mail: {
    confirmSubject: 'Activate your Y-tech account',
    confirmBody: 'You have just created a Y-tech account with this address. Follow this link, valid 24 hours, to activate it:',
    confirmCta: 'Activate my account',
    confirmIgnore: 'If you did not ask for this, ignore this message: no account will be created.',
    accountExistsSubject: 'You already have a Y-tech account',
    accountExistsBody:
      'Someone (you, perhaps) tried to create a Y-tech account with this address, which already has one. No new account was created.',
    accountExistsCta: 'Log in',
    accountExistsReset: 'Forgot your password? <a href="{{url}}">Choose a new one</a>. If you did not ask for this, ignore this message.',
  },
};
