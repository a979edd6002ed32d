import { call, type Answer, type CallOptions } from '../../helpers/http.ts';

export { call, type Answer, type CallOptions };

export const PAVLODAR_NAME = { kk: 'Павлодар облысының волонтерлік орталығы', ru: 'Волонтерский центр Павлодарской области', en: 'Pavlodar volunteer centre' };
