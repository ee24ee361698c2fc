import { Injectable } from '@nestjs/common';

/**
 * The one place the application reads the time. Everything below takes instants as arguments;
 * tests replace `now` to freeze time.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
